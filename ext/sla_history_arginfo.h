/* This is a generated file, edit the .stub.php file instead.
 * Stub hash: 01c21ef0c17b4461410a6482719dca67338180d2 */

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Bjlg_Sla_History_read, 0, 1, IS_ARRAY, 0)
	ZEND_ARG_TYPE_INFO(0, path, IS_STRING, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Bjlg_Sla_History_append, 0, 2, IS_LONG, 0)
	ZEND_ARG_TYPE_INFO(0, path, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO(0, samples, IS_ARRAY, 0)
ZEND_END_ARG_INFO()


ZEND_METHOD(Bjlg_Sla_History, read);
ZEND_METHOD(Bjlg_Sla_History, append);


static const zend_function_entry class_Bjlg_Sla_History_methods[] = {
	ZEND_ME(Bjlg_Sla_History, read, arginfo_class_Bjlg_Sla_History_read, ZEND_ACC_PUBLIC|ZEND_ACC_STATIC)
	ZEND_ME(Bjlg_Sla_History, append, arginfo_class_Bjlg_Sla_History_append, ZEND_ACC_PUBLIC|ZEND_ACC_STATIC)
	ZEND_FE_END
};

static zend_class_entry *register_class_Bjlg_Sla_History(void)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Bjlg\\Sla", "History", class_Bjlg_Sla_History_methods);
	class_entry = zend_register_internal_class_ex(&ce, NULL);
	class_entry->ce_flags |= ZEND_ACC_FINAL;

	return class_entry;
}
