/* This is a generated file, edit the .stub.php file instead.
 * Stub hash: 9532d4afe9bc5840415d83b13a7c9a448dc97348 */

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Bjlg_Quota_Collector_collect, 0, 1, IS_ARRAY, 0)
	ZEND_ARG_TYPE_INFO(0, destinations, IS_ARRAY, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, options, IS_ARRAY, 0, "[]")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Bjlg_Quota_Collector_collectFromFile, 0, 1, IS_ARRAY, 0)
	ZEND_ARG_TYPE_INFO(0, path, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, options, IS_ARRAY, 0, "[]")
ZEND_END_ARG_INFO()


ZEND_METHOD(Bjlg_Quota_Collector, collect);
ZEND_METHOD(Bjlg_Quota_Collector, collectFromFile);


static const zend_function_entry class_Bjlg_Quota_Collector_methods[] = {
	ZEND_ME(Bjlg_Quota_Collector, collect, arginfo_class_Bjlg_Quota_Collector_collect, ZEND_ACC_PUBLIC|ZEND_ACC_STATIC)
	ZEND_ME(Bjlg_Quota_Collector, collectFromFile, arginfo_class_Bjlg_Quota_Collector_collectFromFile, ZEND_ACC_PUBLIC|ZEND_ACC_STATIC)
	ZEND_FE_END
};

static zend_class_entry *register_class_Bjlg_Quota_Collector(void)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Bjlg\\Quota", "Collector", class_Bjlg_Quota_Collector_methods);
	class_entry = zend_register_internal_class_ex(&ce, NULL);
	class_entry->ce_flags |= ZEND_ACC_FINAL;


	zend_add_parameter_attribute(zend_hash_str_find_ptr(&class_entry->function_table, "collect", sizeof("collect") - 1), 0, ZSTR_KNOWN(ZEND_STR_SENSITIVEPARAMETER), 0);

	return class_entry;
}
