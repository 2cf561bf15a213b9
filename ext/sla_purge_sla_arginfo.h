/* This is a generated file, edit the .stub.php file instead.
 * Stub hash: a66dd4fb4986ef5e955410f55e727fa463fff23e */

ZEND_BEGIN_ARG_INFO_EX(arginfo_class_Bjlg_Sla_PurgeSla___construct, 0, 0, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Bjlg_Sla_PurgeSla_compute, 0, 1, IS_ARRAY, 0)
	ZEND_ARG_TYPE_INFO(0, events, IS_ARRAY, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, options, IS_ARRAY, 0, "[]")
ZEND_END_ARG_INFO()


ZEND_METHOD(Bjlg_Sla_PurgeSla, __construct);
ZEND_METHOD(Bjlg_Sla_PurgeSla, compute);


static const zend_function_entry class_Bjlg_Sla_PurgeSla_methods[] = {
	ZEND_ME(Bjlg_Sla_PurgeSla, __construct, arginfo_class_Bjlg_Sla_PurgeSla___construct, ZEND_ACC_PRIVATE)
	ZEND_ME(Bjlg_Sla_PurgeSla, compute, arginfo_class_Bjlg_Sla_PurgeSla_compute, ZEND_ACC_PUBLIC|ZEND_ACC_STATIC)
	ZEND_FE_END
};

static zend_class_entry *register_class_Bjlg_Sla_PurgeSla(void)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Bjlg\\Sla", "PurgeSla", class_Bjlg_Sla_PurgeSla_methods);
	class_entry = zend_register_internal_class_ex(&ce, NULL);
	class_entry->ce_flags |= ZEND_ACC_FINAL;

	return class_entry;
}
