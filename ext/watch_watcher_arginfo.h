/* This is a generated file, edit the .stub.php file instead.
 * Stub hash: 2337a481314677f86c650cd2c2d7e17ae5ef4622 */

ZEND_BEGIN_ARG_INFO_EX(arginfo_class_Bjlg_Watch_Watcher___construct, 0, 0, 1)
	ZEND_ARG_TYPE_INFO(0, roots, IS_ARRAY, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, options, IS_ARRAY, 0, "[]")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Bjlg_Watch_Watcher_wait, 0, 1, IS_ARRAY, 0)
	ZEND_ARG_TYPE_INFO(0, timeout_ms, IS_LONG, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Bjlg_Watch_Watcher_mode, 0, 0, IS_STRING, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Bjlg_Watch_Watcher_warning, 0, 0, IS_STRING, 1)
ZEND_END_ARG_INFO()


ZEND_METHOD(Bjlg_Watch_Watcher, __construct);
ZEND_METHOD(Bjlg_Watch_Watcher, wait);
ZEND_METHOD(Bjlg_Watch_Watcher, mode);
ZEND_METHOD(Bjlg_Watch_Watcher, warning);


static const zend_function_entry class_Bjlg_Watch_Watcher_methods[] = {
	ZEND_ME(Bjlg_Watch_Watcher, __construct, arginfo_class_Bjlg_Watch_Watcher___construct, ZEND_ACC_PUBLIC)
	ZEND_ME(Bjlg_Watch_Watcher, wait, arginfo_class_Bjlg_Watch_Watcher_wait, ZEND_ACC_PUBLIC)
	ZEND_ME(Bjlg_Watch_Watcher, mode, arginfo_class_Bjlg_Watch_Watcher_mode, ZEND_ACC_PUBLIC)
	ZEND_ME(Bjlg_Watch_Watcher, warning, arginfo_class_Bjlg_Watch_Watcher_warning, ZEND_ACC_PUBLIC)
	ZEND_FE_END
};

static zend_class_entry *register_class_Bjlg_Watch_Watcher(void)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Bjlg\\Watch", "Watcher", class_Bjlg_Watch_Watcher_methods);
	class_entry = zend_register_internal_class_ex(&ce, NULL);
	class_entry->ce_flags |= ZEND_ACC_FINAL;

	return class_entry;
}
