/* This is a generated file, edit the .stub.php file instead.
 * Stub hash: acaf8e0aa19d99943edb1a98a76865890cc7707b */

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Bjlg_Sla_Capacity_plan, 0, 1, IS_ARRAY, 0)
	ZEND_ARG_TYPE_INFO(0, destinations, IS_ARRAY, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, options, IS_ARRAY, 0, "[]")
ZEND_END_ARG_INFO()


ZEND_METHOD(Bjlg_Sla_Capacity, plan);


static const zend_function_entry class_Bjlg_Sla_Capacity_methods[] = {
	ZEND_ME(Bjlg_Sla_Capacity, plan, arginfo_class_Bjlg_Sla_Capacity_plan, ZEND_ACC_PUBLIC|ZEND_ACC_STATIC)
	ZEND_FE_END
};

static zend_class_entry *register_class_Bjlg_Sla_Capacity(void)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Bjlg\\Sla", "Capacity", class_Bjlg_Sla_Capacity_methods);
	class_entry = zend_register_internal_class_ex(&ce, NULL);
	class_entry->ce_flags |= ZEND_ACC_FINAL;

	return class_entry;
}
