/* This is a generated file, edit the .stub.php file instead.
 * Stub hash: 1c8033f21420fcd97b6c0e355517d105c9a760c7 */

ZEND_BEGIN_ARG_INFO_EX(arginfo_class_Bjlg_Sla_Report___construct, 0, 0, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Bjlg_Sla_Report_render, 0, 1, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO(0, data, IS_ARRAY, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, format, IS_STRING, 0, "\'html\'")
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, options, IS_ARRAY, 0, "[]")
ZEND_END_ARG_INFO()


ZEND_METHOD(Bjlg_Sla_Report, __construct);
ZEND_METHOD(Bjlg_Sla_Report, render);


static const zend_function_entry class_Bjlg_Sla_Report_methods[] = {
	ZEND_ME(Bjlg_Sla_Report, __construct, arginfo_class_Bjlg_Sla_Report___construct, ZEND_ACC_PRIVATE)
	ZEND_ME(Bjlg_Sla_Report, render, arginfo_class_Bjlg_Sla_Report_render, ZEND_ACC_PUBLIC|ZEND_ACC_STATIC)
	ZEND_FE_END
};

static zend_class_entry *register_class_Bjlg_Sla_Report(void)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Bjlg\\Sla", "Report", class_Bjlg_Sla_Report_methods);
	class_entry = zend_register_internal_class_ex(&ce, NULL);
	class_entry->ce_flags |= ZEND_ACC_FINAL;

	return class_entry;
}
