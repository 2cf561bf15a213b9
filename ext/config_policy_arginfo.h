/* This is a generated file, edit the .stub.php file instead.
 * Stub hash: 7eab1328373022985585fb2a004418a718aa585b */

ZEND_BEGIN_ARG_INFO_EX(arginfo_class_Bjlg_Config_Policy___construct, 0, 0, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_OBJ_INFO_EX(arginfo_class_Bjlg_Config_Policy_parse, 0, 1, Bjlg\\Config\\Policy, 0)
	ZEND_ARG_TYPE_INFO(0, yaml, IS_STRING, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_OBJ_INFO_EX(arginfo_class_Bjlg_Config_Policy_fromFile, 0, 1, Bjlg\\Config\\Policy, 0)
	ZEND_ARG_TYPE_INFO(0, path, IS_STRING, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_OBJ_INFO_EX(arginfo_class_Bjlg_Config_Policy_fromArray, 0, 1, Bjlg\\Config\\Policy, 0)
	ZEND_ARG_TYPE_INFO(0, policy, IS_ARRAY, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Bjlg_Config_Policy_toArray, 0, 0, IS_ARRAY, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Bjlg_Config_Policy_toYaml, 0, 0, IS_STRING, 0)
ZEND_END_ARG_INFO()


ZEND_METHOD(Bjlg_Config_Policy, __construct);
ZEND_METHOD(Bjlg_Config_Policy, parse);
ZEND_METHOD(Bjlg_Config_Policy, fromFile);
ZEND_METHOD(Bjlg_Config_Policy, fromArray);
ZEND_METHOD(Bjlg_Config_Policy, toArray);
ZEND_METHOD(Bjlg_Config_Policy, toYaml);


static const zend_function_entry class_Bjlg_Config_Policy_methods[] = {
	ZEND_ME(Bjlg_Config_Policy, __construct, arginfo_class_Bjlg_Config_Policy___construct, ZEND_ACC_PRIVATE)
	ZEND_ME(Bjlg_Config_Policy, parse, arginfo_class_Bjlg_Config_Policy_parse, ZEND_ACC_PUBLIC|ZEND_ACC_STATIC)
	ZEND_ME(Bjlg_Config_Policy, fromFile, arginfo_class_Bjlg_Config_Policy_fromFile, ZEND_ACC_PUBLIC|ZEND_ACC_STATIC)
	ZEND_ME(Bjlg_Config_Policy, fromArray, arginfo_class_Bjlg_Config_Policy_fromArray, ZEND_ACC_PUBLIC|ZEND_ACC_STATIC)
	ZEND_ME(Bjlg_Config_Policy, toArray, arginfo_class_Bjlg_Config_Policy_toArray, ZEND_ACC_PUBLIC)
	ZEND_ME(Bjlg_Config_Policy, toYaml, arginfo_class_Bjlg_Config_Policy_toYaml, ZEND_ACC_PUBLIC)
	ZEND_FE_END
};

static zend_class_entry *register_class_Bjlg_Config_Policy(void)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Bjlg\\Config", "Policy", class_Bjlg_Config_Policy_methods);
	class_entry = zend_register_internal_class_ex(&ce, NULL);
	class_entry->ce_flags |= ZEND_ACC_FINAL|ZEND_ACC_NO_DYNAMIC_PROPERTIES|ZEND_ACC_NOT_SERIALIZABLE;

	return class_entry;
}
