/* This is a generated file, edit the .stub.php file instead.
 * Stub hash: 8429ca2d9289c88e14fea203030f553cf29f42f7 */

ZEND_BEGIN_ARG_INFO_EX(arginfo_class_Bjlg_Remote_Retention___construct, 0, 0, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Bjlg_Remote_Retention_evaluate, 0, 2, IS_ARRAY, 0)
	ZEND_ARG_TYPE_INFO(0, archives, IS_ARRAY, 0)
	ZEND_ARG_TYPE_INFO(0, policy, IS_ARRAY, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, options, IS_ARRAY, 0, "[]")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Bjlg_Remote_Retention_loadPolicy, 0, 1, IS_ARRAY, 0)
	ZEND_ARG_TYPE_INFO(0, path, IS_STRING, 0)
ZEND_END_ARG_INFO()


ZEND_METHOD(Bjlg_Remote_Retention, __construct);
ZEND_METHOD(Bjlg_Remote_Retention, evaluate);
ZEND_METHOD(Bjlg_Remote_Retention, loadPolicy);


static const zend_function_entry class_Bjlg_Remote_Retention_methods[] = {
	ZEND_ME(Bjlg_Remote_Retention, __construct, arginfo_class_Bjlg_Remote_Retention___construct, ZEND_ACC_PRIVATE)
	ZEND_ME(Bjlg_Remote_Retention, evaluate, arginfo_class_Bjlg_Remote_Retention_evaluate, ZEND_ACC_PUBLIC|ZEND_ACC_STATIC)
	ZEND_ME(Bjlg_Remote_Retention, loadPolicy, arginfo_class_Bjlg_Remote_Retention_loadPolicy, ZEND_ACC_PUBLIC|ZEND_ACC_STATIC)
	ZEND_FE_END
};

static zend_class_entry *register_class_Bjlg_Remote_Retention(void)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Bjlg\\Remote", "Retention", class_Bjlg_Remote_Retention_methods);
	class_entry = zend_register_internal_class_ex(&ce, NULL);
	class_entry->ce_flags |= ZEND_ACC_FINAL;

	return class_entry;
}
