/* This is a generated file, edit the .stub.php file instead.
 * Stub hash: 14af02dda053c4ef10613932198d8b3603fd276a */

ZEND_BEGIN_ARG_INFO_EX(arginfo_class_Bjlg_Archive_Reader___construct, 0, 0, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_OBJ_INFO_EX(arginfo_class_Bjlg_Archive_Reader_open, 0, 1, Bjlg\\Archive\\Reader, 0)
	ZEND_ARG_TYPE_INFO(0, path, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, options, IS_ARRAY, 0, "[]")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Bjlg_Archive_Reader_entries, 0, 0, IS_ARRAY, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Bjlg_Archive_Reader_extractTo, 0, 1, IS_ARRAY, 0)
	ZEND_ARG_TYPE_INFO(0, dir, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, options, IS_ARRAY, 0, "[]")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_INFO_EX(arginfo_class_Bjlg_Archive_Reader_readEntry, 0, 0, 1)
	ZEND_ARG_TYPE_INFO(0, name, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, maxSize, IS_LONG, 0, "PHP_INT_MAX")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Bjlg_Archive_Reader_verify, 0, 0, IS_VOID, 0)
ZEND_END_ARG_INFO()

#define arginfo_class_Bjlg_Archive_Reader_deletedFiles arginfo_class_Bjlg_Archive_Reader_entries

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Bjlg_Archive_Reader_encryption, 0, 0, IS_STRING, 0)
ZEND_END_ARG_INFO()


ZEND_METHOD(Bjlg_Archive_Reader, __construct);
ZEND_METHOD(Bjlg_Archive_Reader, open);
ZEND_METHOD(Bjlg_Archive_Reader, entries);
ZEND_METHOD(Bjlg_Archive_Reader, extractTo);
ZEND_METHOD(Bjlg_Archive_Reader, readEntry);
ZEND_METHOD(Bjlg_Archive_Reader, verify);
ZEND_METHOD(Bjlg_Archive_Reader, deletedFiles);
ZEND_METHOD(Bjlg_Archive_Reader, encryption);


static const zend_function_entry class_Bjlg_Archive_Reader_methods[] = {
	ZEND_ME(Bjlg_Archive_Reader, __construct, arginfo_class_Bjlg_Archive_Reader___construct, ZEND_ACC_PRIVATE)
	ZEND_ME(Bjlg_Archive_Reader, open, arginfo_class_Bjlg_Archive_Reader_open, ZEND_ACC_PUBLIC|ZEND_ACC_STATIC)
	ZEND_ME(Bjlg_Archive_Reader, entries, arginfo_class_Bjlg_Archive_Reader_entries, ZEND_ACC_PUBLIC)
	ZEND_ME(Bjlg_Archive_Reader, extractTo, arginfo_class_Bjlg_Archive_Reader_extractTo, ZEND_ACC_PUBLIC)
	ZEND_ME(Bjlg_Archive_Reader, readEntry, arginfo_class_Bjlg_Archive_Reader_readEntry, ZEND_ACC_PUBLIC)
	ZEND_ME(Bjlg_Archive_Reader, verify, arginfo_class_Bjlg_Archive_Reader_verify, ZEND_ACC_PUBLIC)
	ZEND_ME(Bjlg_Archive_Reader, deletedFiles, arginfo_class_Bjlg_Archive_Reader_deletedFiles, ZEND_ACC_PUBLIC)
	ZEND_ME(Bjlg_Archive_Reader, encryption, arginfo_class_Bjlg_Archive_Reader_encryption, ZEND_ACC_PUBLIC)
	ZEND_FE_END
};

static zend_class_entry *register_class_Bjlg_Archive_Reader(void)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Bjlg\\Archive", "Reader", class_Bjlg_Archive_Reader_methods);
	class_entry = zend_register_internal_class_ex(&ce, NULL);
	class_entry->ce_flags |= ZEND_ACC_FINAL|ZEND_ACC_NO_DYNAMIC_PROPERTIES|ZEND_ACC_NOT_SERIALIZABLE;


	zend_add_parameter_attribute(zend_hash_str_find_ptr(&class_entry->function_table, "open", sizeof("open") - 1), 1, ZSTR_KNOWN(ZEND_STR_SENSITIVEPARAMETER), 0);

	return class_entry;
}
