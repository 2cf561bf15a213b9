/* This is a generated file, edit the .stub.php file instead.
 * Stub hash: 877f3681799bb80f542dedae401dc672ac4cdde7 */

ZEND_BEGIN_ARG_INFO_EX(arginfo_class_Bjlg_Database_Importer___construct, 0, 0, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Bjlg_Database_Importer_import, 0, 2, IS_ARRAY, 0)
	ZEND_ARG_TYPE_INFO(0, connection, IS_ARRAY, 0)
	ZEND_ARG_INFO(0, from)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, options, IS_ARRAY, 0, "[]")
ZEND_END_ARG_INFO()


ZEND_METHOD(Bjlg_Database_Importer, __construct);
ZEND_METHOD(Bjlg_Database_Importer, import);


static const zend_function_entry class_Bjlg_Database_Importer_methods[] = {
	ZEND_ME(Bjlg_Database_Importer, __construct, arginfo_class_Bjlg_Database_Importer___construct, ZEND_ACC_PRIVATE)
	ZEND_ME(Bjlg_Database_Importer, import, arginfo_class_Bjlg_Database_Importer_import, ZEND_ACC_PUBLIC|ZEND_ACC_STATIC)
	ZEND_FE_END
};

static zend_class_entry *register_class_Bjlg_Database_Importer(void)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Bjlg\\Database", "Importer", class_Bjlg_Database_Importer_methods);
	class_entry = zend_register_internal_class_ex(&ce, NULL);
	class_entry->ce_flags |= ZEND_ACC_FINAL;


	zend_add_parameter_attribute(zend_hash_str_find_ptr(&class_entry->function_table, "import", sizeof("import") - 1), 0, ZSTR_KNOWN(ZEND_STR_SENSITIVEPARAMETER), 0);

	return class_entry;
}
