/* This is a generated file, edit the .stub.php file instead.
 * Stub hash: ea67d8e5dda54d5291b5b2714d1fe3ec579ac092 */

ZEND_BEGIN_ARG_INFO_EX(arginfo_class_Bjlg_Sla_Objectives___construct, 0, 0, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Bjlg_Sla_Objectives_evaluate, 0, 2, IS_ARRAY, 0)
	ZEND_ARG_TYPE_INFO(0, runs, IS_ARRAY, 0)
	ZEND_ARG_TYPE_INFO(0, targets, IS_ARRAY, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, options, IS_ARRAY, 0, "[]")
ZEND_END_ARG_INFO()


ZEND_METHOD(Bjlg_Sla_Objectives, __construct);
ZEND_METHOD(Bjlg_Sla_Objectives, evaluate);


static const zend_function_entry class_Bjlg_Sla_Objectives_methods[] = {
	ZEND_ME(Bjlg_Sla_Objectives, __construct, arginfo_class_Bjlg_Sla_Objectives___construct, ZEND_ACC_PRIVATE)
	ZEND_ME(Bjlg_Sla_Objectives, evaluate, arginfo_class_Bjlg_Sla_Objectives_evaluate, ZEND_ACC_PUBLIC|ZEND_ACC_STATIC)
	ZEND_FE_END
};

static zend_class_entry *register_class_Bjlg_Sla_Objectives(void)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Bjlg\\Sla", "Objectives", class_Bjlg_Sla_Objectives_methods);
	class_entry = zend_register_internal_class_ex(&ce, NULL);
	class_entry->ce_flags |= ZEND_ACC_FINAL;

	return class_entry;
}
