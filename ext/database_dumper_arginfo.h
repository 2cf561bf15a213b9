/* This is a generated file, edit the .stub.php file instead.
 * Stub hash: 70baee65f19d26a0857f804f7c149597902f349d */

ZEND_BEGIN_ARG_INFO_EX(arginfo_class_Bjlg_Database_Dumper___construct, 0, 0, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Bjlg_Database_Dumper_dump, 0, 2, IS_ARRAY, 0)
	ZEND_ARG_TYPE_INFO(0, connection, IS_ARRAY, 0)
	ZEND_ARG_INFO(0, to)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, options, IS_ARRAY, 0, "[]")
ZEND_END_ARG_INFO()


ZEND_METHOD(Bjlg_Database_Dumper, __construct);
ZEND_METHOD(Bjlg_Database_Dumper, dump);


static const zend_function_entry class_Bjlg_Database_Dumper_methods[] = {
	ZEND_ME(Bjlg_Database_Dumper, __construct, arginfo_class_Bjlg_Database_Dumper___construct, ZEND_ACC_PRIVATE)
	ZEND_ME(Bjlg_Database_Dumper, dump, arginfo_class_Bjlg_Database_Dumper_dump, ZEND_ACC_PUBLIC|ZEND_ACC_STATIC)
	ZEND_FE_END
};

static zend_class_entry *register_class_Bjlg_Database_Dumper(void)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Bjlg\\Database", "Dumper", class_Bjlg_Database_Dumper_methods);
	class_entry = zend_register_internal_class_ex(&ce, NULL);
	class_entry->ce_flags |= ZEND_ACC_FINAL;


	zend_add_parameter_attribute(zend_hash_str_find_ptr(&class_entry->function_table, "dump", sizeof("dump") - 1), 0, ZSTR_KNOWN(ZEND_STR_SENSITIVEPARAMETER), 0);

	return class_entry;
}
