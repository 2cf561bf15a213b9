/* This is a generated file, edit the .stub.php file instead.
 * Stub hash: bb375f66115338f96696e1342c33ecd44c46cfff */

ZEND_BEGIN_ARG_INFO_EX(arginfo_class_Bjlg_Archive_Writer___construct, 0, 0, 1)
	ZEND_ARG_TYPE_INFO(0, path, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, options, IS_ARRAY, 0, "[]")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Bjlg_Archive_Writer_addDirectory, 0, 1, IS_VOID, 0)
	ZEND_ARG_TYPE_INFO(0, dir, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, prefix, IS_STRING, 0, "\"\"")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Bjlg_Archive_Writer_addFile, 0, 2, IS_VOID, 0)
	ZEND_ARG_TYPE_INFO(0, file, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO(0, name, IS_STRING, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Bjlg_Archive_Writer_addFromString, 0, 2, IS_VOID, 0)
	ZEND_ARG_TYPE_INFO(0, name, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO(0, data, IS_STRING, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Bjlg_Archive_Writer_addDeletion, 0, 1, IS_VOID, 0)
	ZEND_ARG_TYPE_INFO(0, name, IS_STRING, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Bjlg_Archive_Writer_addFromStream, 0, 2, IS_VOID, 0)
	ZEND_ARG_TYPE_INFO(0, name, IS_STRING, 0)
	ZEND_ARG_INFO(0, stream)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Bjlg_Archive_Writer_addDatabase, 0, 1, IS_ARRAY, 0)
	ZEND_ARG_TYPE_INFO(0, connection, IS_ARRAY, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, name, IS_STRING, 0, "\"database.sql\"")
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, options, IS_ARRAY, 0, "[]")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Bjlg_Archive_Writer_close, 0, 0, IS_ARRAY, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Bjlg_Archive_Writer_abort, 0, 0, IS_VOID, 0)
ZEND_END_ARG_INFO()


ZEND_METHOD(Bjlg_Archive_Writer, __construct);
ZEND_METHOD(Bjlg_Archive_Writer, addDirectory);
ZEND_METHOD(Bjlg_Archive_Writer, addFile);
ZEND_METHOD(Bjlg_Archive_Writer, addFromString);
ZEND_METHOD(Bjlg_Archive_Writer, addDeletion);
ZEND_METHOD(Bjlg_Archive_Writer, addFromStream);
ZEND_METHOD(Bjlg_Archive_Writer, addDatabase);
ZEND_METHOD(Bjlg_Archive_Writer, close);
ZEND_METHOD(Bjlg_Archive_Writer, abort);


static const zend_function_entry class_Bjlg_Archive_Writer_methods[] = {
	ZEND_ME(Bjlg_Archive_Writer, __construct, arginfo_class_Bjlg_Archive_Writer___construct, ZEND_ACC_PUBLIC)
	ZEND_ME(Bjlg_Archive_Writer, addDirectory, arginfo_class_Bjlg_Archive_Writer_addDirectory, ZEND_ACC_PUBLIC)
	ZEND_ME(Bjlg_Archive_Writer, addFile, arginfo_class_Bjlg_Archive_Writer_addFile, ZEND_ACC_PUBLIC)
	ZEND_ME(Bjlg_Archive_Writer, addFromString, arginfo_class_Bjlg_Archive_Writer_addFromString, ZEND_ACC_PUBLIC)
	ZEND_ME(Bjlg_Archive_Writer, addDeletion, arginfo_class_Bjlg_Archive_Writer_addDeletion, ZEND_ACC_PUBLIC)
	ZEND_ME(Bjlg_Archive_Writer, addFromStream, arginfo_class_Bjlg_Archive_Writer_addFromStream, ZEND_ACC_PUBLIC)
	ZEND_ME(Bjlg_Archive_Writer, addDatabase, arginfo_class_Bjlg_Archive_Writer_addDatabase, ZEND_ACC_PUBLIC)
	ZEND_ME(Bjlg_Archive_Writer, close, arginfo_class_Bjlg_Archive_Writer_close, ZEND_ACC_PUBLIC)
	ZEND_ME(Bjlg_Archive_Writer, abort, arginfo_class_Bjlg_Archive_Writer_abort, ZEND_ACC_PUBLIC)
	ZEND_FE_END
};

static zend_class_entry *register_class_Bjlg_Archive_Writer(void)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Bjlg\\Archive", "Writer", class_Bjlg_Archive_Writer_methods);
	class_entry = zend_register_internal_class_ex(&ce, NULL);
	class_entry->ce_flags |= ZEND_ACC_FINAL|ZEND_ACC_NO_DYNAMIC_PROPERTIES|ZEND_ACC_NOT_SERIALIZABLE;


	zend_add_parameter_attribute(zend_hash_str_find_ptr(&class_entry->function_table, "__construct", sizeof("__construct") - 1), 1, ZSTR_KNOWN(ZEND_STR_SENSITIVEPARAMETER), 0);

	zend_add_parameter_attribute(zend_hash_str_find_ptr(&class_entry->function_table, "adddatabase", sizeof("adddatabase") - 1), 0, ZSTR_KNOWN(ZEND_STR_SENSITIVEPARAMETER), 0);

	return class_entry;
}
