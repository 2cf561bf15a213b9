/* This is a generated file, edit the .stub.php file instead.
 * Stub hash: f31bfbbaf89e8a982ad0cace49fbf12d6d60259a */

ZEND_BEGIN_ARG_INFO_EX(arginfo_class_Bjlg_Remote_Purge___construct, 0, 0, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Bjlg_Remote_Purge_plan, 0, 2, IS_ARRAY, 0)
	ZEND_ARG_TYPE_INFO(0, destinations, IS_ARRAY, 0)
	ZEND_ARG_TYPE_INFO(0, policy, IS_ARRAY, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, options, IS_ARRAY, 0, "[]")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Bjlg_Remote_Purge_run, 0, 2, IS_ARRAY, 0)
	ZEND_ARG_TYPE_INFO(0, plan, IS_ARRAY, 0)
	ZEND_ARG_TYPE_INFO(0, options, IS_ARRAY, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Bjlg_Remote_Purge_loadDestinations, 0, 1, IS_ARRAY, 0)
	ZEND_ARG_TYPE_INFO(0, path, IS_STRING, 0)
ZEND_END_ARG_INFO()


ZEND_METHOD(Bjlg_Remote_Purge, __construct);
ZEND_METHOD(Bjlg_Remote_Purge, plan);
ZEND_METHOD(Bjlg_Remote_Purge, run);
ZEND_METHOD(Bjlg_Remote_Purge, loadDestinations);


static const zend_function_entry class_Bjlg_Remote_Purge_methods[] = {
	ZEND_ME(Bjlg_Remote_Purge, __construct, arginfo_class_Bjlg_Remote_Purge___construct, ZEND_ACC_PRIVATE)
	ZEND_ME(Bjlg_Remote_Purge, plan, arginfo_class_Bjlg_Remote_Purge_plan, ZEND_ACC_PUBLIC|ZEND_ACC_STATIC)
	ZEND_ME(Bjlg_Remote_Purge, run, arginfo_class_Bjlg_Remote_Purge_run, ZEND_ACC_PUBLIC|ZEND_ACC_STATIC)
	ZEND_ME(Bjlg_Remote_Purge, loadDestinations, arginfo_class_Bjlg_Remote_Purge_loadDestinations, ZEND_ACC_PUBLIC|ZEND_ACC_STATIC)
	ZEND_FE_END
};

static zend_class_entry *register_class_Bjlg_Remote_Purge(void)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Bjlg\\Remote", "Purge", class_Bjlg_Remote_Purge_methods);
	class_entry = zend_register_internal_class_ex(&ce, NULL);
	class_entry->ce_flags |= ZEND_ACC_FINAL;


	zend_add_parameter_attribute(zend_hash_str_find_ptr(&class_entry->function_table, "plan", sizeof("plan") - 1), 0, ZSTR_KNOWN(ZEND_STR_SENSITIVEPARAMETER), 0);

	zend_add_parameter_attribute(zend_hash_str_find_ptr(&class_entry->function_table, "run", sizeof("run") - 1), 1, ZSTR_KNOWN(ZEND_STR_SENSITIVEPARAMETER), 0);

	return class_entry;
}
