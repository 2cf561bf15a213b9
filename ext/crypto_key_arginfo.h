/* This is a generated file, edit the .stub.php file instead.
 * Stub hash: 5ee58e63b9e160c752fa540fdc6701bac1da62f1 */

ZEND_BEGIN_ARG_INFO_EX(arginfo_class_Bjlg_Crypto_Key___construct, 0, 0, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_OBJ_INFO_EX(arginfo_class_Bjlg_Crypto_Key_fromString, 0, 1, Bjlg\\Crypto\\Key, 0)
	ZEND_ARG_TYPE_INFO(0, encoded, IS_STRING, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_OBJ_INFO_EX(arginfo_class_Bjlg_Crypto_Key_generate, 0, 0, Bjlg\\Crypto\\Key, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Bjlg_Crypto_Key_toString, 0, 0, IS_STRING, 0)
ZEND_END_ARG_INFO()

#define arginfo_class_Bjlg_Crypto_Key_fingerprint arginfo_class_Bjlg_Crypto_Key_toString


ZEND_METHOD(Bjlg_Crypto_Key, __construct);
ZEND_METHOD(Bjlg_Crypto_Key, fromString);
ZEND_METHOD(Bjlg_Crypto_Key, generate);
ZEND_METHOD(Bjlg_Crypto_Key, toString);
ZEND_METHOD(Bjlg_Crypto_Key, fingerprint);


static const zend_function_entry class_Bjlg_Crypto_Key_methods[] = {
	ZEND_ME(Bjlg_Crypto_Key, __construct, arginfo_class_Bjlg_Crypto_Key___construct, ZEND_ACC_PRIVATE)
	ZEND_ME(Bjlg_Crypto_Key, fromString, arginfo_class_Bjlg_Crypto_Key_fromString, ZEND_ACC_PUBLIC|ZEND_ACC_STATIC)
	ZEND_ME(Bjlg_Crypto_Key, generate, arginfo_class_Bjlg_Crypto_Key_generate, ZEND_ACC_PUBLIC|ZEND_ACC_STATIC)
	ZEND_ME(Bjlg_Crypto_Key, toString, arginfo_class_Bjlg_Crypto_Key_toString, ZEND_ACC_PUBLIC)
	ZEND_ME(Bjlg_Crypto_Key, fingerprint, arginfo_class_Bjlg_Crypto_Key_fingerprint, ZEND_ACC_PUBLIC)
	ZEND_FE_END
};

static zend_class_entry *register_class_Bjlg_Crypto_Key(void)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Bjlg\\Crypto", "Key", class_Bjlg_Crypto_Key_methods);
	class_entry = zend_register_internal_class_ex(&ce, NULL);
	class_entry->ce_flags |= ZEND_ACC_FINAL|ZEND_ACC_NO_DYNAMIC_PROPERTIES|ZEND_ACC_NOT_SERIALIZABLE;


	zend_add_parameter_attribute(zend_hash_str_find_ptr(&class_entry->function_table, "fromstring", sizeof("fromstring") - 1), 0, ZSTR_KNOWN(ZEND_STR_SENSITIVEPARAMETER), 0);

	return class_entry;
}
