/* This is a generated file, edit the .stub.php file instead.
 * Stub hash: abbdc407b651a93f6a529add0c700df5a9641a78 */

ZEND_BEGIN_ARG_INFO_EX(arginfo_class_Bjlg_Notify_Webhook___construct, 0, 0, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Bjlg_Notify_Webhook_verify, 0, 3, _IS_BOOL, 0)
	ZEND_ARG_TYPE_INFO(0, body, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO(0, headers, IS_ARRAY, 0)
	ZEND_ARG_TYPE_INFO(0, secret, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, tolerance, IS_LONG, 0, "300")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Bjlg_Notify_Webhook_sign, 0, 2, IS_ARRAY, 0)
	ZEND_ARG_TYPE_INFO(0, body, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO(0, secret, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, timestamp, IS_LONG, 1, "null")
ZEND_END_ARG_INFO()


ZEND_METHOD(Bjlg_Notify_Webhook, __construct);
ZEND_METHOD(Bjlg_Notify_Webhook, verify);
ZEND_METHOD(Bjlg_Notify_Webhook, sign);


static const zend_function_entry class_Bjlg_Notify_Webhook_methods[] = {
	ZEND_ME(Bjlg_Notify_Webhook, __construct, arginfo_class_Bjlg_Notify_Webhook___construct, ZEND_ACC_PRIVATE)
	ZEND_ME(Bjlg_Notify_Webhook, verify, arginfo_class_Bjlg_Notify_Webhook_verify, ZEND_ACC_PUBLIC|ZEND_ACC_STATIC)
	ZEND_ME(Bjlg_Notify_Webhook, sign, arginfo_class_Bjlg_Notify_Webhook_sign, ZEND_ACC_PUBLIC|ZEND_ACC_STATIC)
	ZEND_FE_END
};

static zend_class_entry *register_class_Bjlg_Notify_Webhook(void)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Bjlg\\Notify", "Webhook", class_Bjlg_Notify_Webhook_methods);
	class_entry = zend_register_internal_class_ex(&ce, NULL);
	class_entry->ce_flags |= ZEND_ACC_FINAL|ZEND_ACC_NOT_SERIALIZABLE;


	zend_add_parameter_attribute(zend_hash_str_find_ptr(&class_entry->function_table, "verify", sizeof("verify") - 1), 2, ZSTR_KNOWN(ZEND_STR_SENSITIVEPARAMETER), 0);

	zend_add_parameter_attribute(zend_hash_str_find_ptr(&class_entry->function_table, "sign", sizeof("sign") - 1), 1, ZSTR_KNOWN(ZEND_STR_SENSITIVEPARAMETER), 0);

	return class_entry;
}
