/* This is a generated file, edit the .stub.php file instead.
 * Stub hash: ef728ca2a50fde724c87a9b97275f1e75bb20abc */

ZEND_BEGIN_ARG_INFO_EX(arginfo_class_Bjlg_Watch_Journal___construct, 0, 0, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_OBJ_INFO_EX(arginfo_class_Bjlg_Watch_Journal_open, 0, 1, Bjlg\\Watch\\Journal, 0)
	ZEND_ARG_TYPE_INFO(0, path, IS_STRING, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Bjlg_Watch_Journal_append, 0, 1, IS_LONG, 0)
	ZEND_ARG_TYPE_INFO(0, event, IS_ARRAY, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Bjlg_Watch_Journal_changes, 0, 1, IS_ARRAY, 0)
	ZEND_ARG_TYPE_INFO(0, since_seq, IS_LONG, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, limit, IS_LONG, 0, "100000")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Bjlg_Watch_Journal_stats, 0, 0, IS_ARRAY, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, since_seq, IS_LONG, 0, "0")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Bjlg_Watch_Journal_compact, 0, 0, IS_ARRAY, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, through_seq, IS_LONG, 0, "0")
ZEND_END_ARG_INFO()


ZEND_METHOD(Bjlg_Watch_Journal, __construct);
ZEND_METHOD(Bjlg_Watch_Journal, open);
ZEND_METHOD(Bjlg_Watch_Journal, append);
ZEND_METHOD(Bjlg_Watch_Journal, changes);
ZEND_METHOD(Bjlg_Watch_Journal, stats);
ZEND_METHOD(Bjlg_Watch_Journal, compact);


static const zend_function_entry class_Bjlg_Watch_Journal_methods[] = {
	ZEND_ME(Bjlg_Watch_Journal, __construct, arginfo_class_Bjlg_Watch_Journal___construct, ZEND_ACC_PRIVATE)
	ZEND_ME(Bjlg_Watch_Journal, open, arginfo_class_Bjlg_Watch_Journal_open, ZEND_ACC_PUBLIC|ZEND_ACC_STATIC)
	ZEND_ME(Bjlg_Watch_Journal, append, arginfo_class_Bjlg_Watch_Journal_append, ZEND_ACC_PUBLIC)
	ZEND_ME(Bjlg_Watch_Journal, changes, arginfo_class_Bjlg_Watch_Journal_changes, ZEND_ACC_PUBLIC)
	ZEND_ME(Bjlg_Watch_Journal, stats, arginfo_class_Bjlg_Watch_Journal_stats, ZEND_ACC_PUBLIC)
	ZEND_ME(Bjlg_Watch_Journal, compact, arginfo_class_Bjlg_Watch_Journal_compact, ZEND_ACC_PUBLIC)
	ZEND_FE_END
};

static zend_class_entry *register_class_Bjlg_Watch_Journal(void)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Bjlg\\Watch", "Journal", class_Bjlg_Watch_Journal_methods);
	class_entry = zend_register_internal_class_ex(&ce, NULL);
	class_entry->ce_flags |= ZEND_ACC_FINAL;

	return class_entry;
}
