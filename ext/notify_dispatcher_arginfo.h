/* This is a generated file, edit the .stub.php file instead.
 * Stub hash: 27707a82ae4a75177e97506c2def2f35072c9161 */

ZEND_BEGIN_ARG_INFO_EX(arginfo_class_Bjlg_Notify_Dispatcher___construct, 0, 0, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Bjlg_Notify_Dispatcher_send, 0, 1, IS_ARRAY, 0)
	ZEND_ARG_TYPE_INFO(0, messages, IS_ARRAY, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, options, IS_ARRAY, 0, "[]")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Bjlg_Notify_Dispatcher_loadConfig, 0, 1, IS_ARRAY, 0)
	ZEND_ARG_TYPE_INFO(0, path, IS_STRING, 0)
ZEND_END_ARG_INFO()


ZEND_METHOD(Bjlg_Notify_Dispatcher, __construct);
ZEND_METHOD(Bjlg_Notify_Dispatcher, send);
ZEND_METHOD(Bjlg_Notify_Dispatcher, loadConfig);


static const zend_function_entry class_Bjlg_Notify_Dispatcher_methods[] = {
	ZEND_ME(Bjlg_Notify_Dispatcher, __construct, arginfo_class_Bjlg_Notify_Dispatcher___construct, ZEND_ACC_PRIVATE)
	ZEND_ME(Bjlg_Notify_Dispatcher, send, arginfo_class_Bjlg_Notify_Dispatcher_send, ZEND_ACC_PUBLIC|ZEND_ACC_STATIC)
	ZEND_ME(Bjlg_Notify_Dispatcher, loadConfig, arginfo_class_Bjlg_Notify_Dispatcher_loadConfig, ZEND_ACC_PUBLIC|ZEND_ACC_STATIC)
	ZEND_FE_END
};

static zend_class_entry *register_class_Bjlg_Notify_Dispatcher(void)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Bjlg\\Notify", "Dispatcher", class_Bjlg_Notify_Dispatcher_methods);
	class_entry = zend_register_internal_class_ex(&ce, NULL);
	class_entry->ce_flags |= ZEND_ACC_FINAL|ZEND_ACC_NOT_SERIALIZABLE;


	zend_add_parameter_attribute(zend_hash_str_find_ptr(&class_entry->function_table, "send", sizeof("send") - 1), 0, ZSTR_KNOWN(ZEND_STR_SENSITIVEPARAMETER), 0);

	return class_entry;
}
