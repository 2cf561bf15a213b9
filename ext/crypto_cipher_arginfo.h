/* This is a generated file, edit the .stub.php file instead.
 * Stub hash: 1c3a899dd3717d0725a5bb620e2ee164a00764ab */

ZEND_BEGIN_ARG_INFO_EX(arginfo_class_Bjlg_Crypto_Cipher___construct, 0, 0, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Bjlg_Crypto_Cipher_encryptFile, 0, 3, IS_ARRAY, 0)
	ZEND_ARG_TYPE_INFO(0, in, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO(0, out, IS_STRING, 0)
	ZEND_ARG_OBJ_TYPE_MASK(0, secret, Bjlg\\Crypto\\Key, MAY_BE_STRING, NULL)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, options, IS_ARRAY, 0, "[]")
ZEND_END_ARG_INFO()

#define arginfo_class_Bjlg_Crypto_Cipher_decryptFile arginfo_class_Bjlg_Crypto_Cipher_encryptFile

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Bjlg_Crypto_Cipher_verifyFile, 0, 2, IS_ARRAY, 0)
	ZEND_ARG_TYPE_INFO(0, in, IS_STRING, 0)
	ZEND_ARG_OBJ_TYPE_MASK(0, secret, Bjlg\\Crypto\\Key, MAY_BE_STRING, NULL)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, options, IS_ARRAY, 0, "[]")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Bjlg_Crypto_Cipher_inspect, 0, 1, IS_ARRAY, 0)
	ZEND_ARG_TYPE_INFO(0, in, IS_STRING, 0)
ZEND_END_ARG_INFO()


ZEND_METHOD(Bjlg_Crypto_Cipher, __construct);
ZEND_METHOD(Bjlg_Crypto_Cipher, encryptFile);
ZEND_METHOD(Bjlg_Crypto_Cipher, decryptFile);
ZEND_METHOD(Bjlg_Crypto_Cipher, verifyFile);
ZEND_METHOD(Bjlg_Crypto_Cipher, inspect);


static const zend_function_entry class_Bjlg_Crypto_Cipher_methods[] = {
	ZEND_ME(Bjlg_Crypto_Cipher, __construct, arginfo_class_Bjlg_Crypto_Cipher___construct, ZEND_ACC_PRIVATE)
	ZEND_ME(Bjlg_Crypto_Cipher, encryptFile, arginfo_class_Bjlg_Crypto_Cipher_encryptFile, ZEND_ACC_PUBLIC|ZEND_ACC_STATIC)
	ZEND_ME(Bjlg_Crypto_Cipher, decryptFile, arginfo_class_Bjlg_Crypto_Cipher_decryptFile, ZEND_ACC_PUBLIC|ZEND_ACC_STATIC)
	ZEND_ME(Bjlg_Crypto_Cipher, verifyFile, arginfo_class_Bjlg_Crypto_Cipher_verifyFile, ZEND_ACC_PUBLIC|ZEND_ACC_STATIC)
	ZEND_ME(Bjlg_Crypto_Cipher, inspect, arginfo_class_Bjlg_Crypto_Cipher_inspect, ZEND_ACC_PUBLIC|ZEND_ACC_STATIC)
	ZEND_FE_END
};

static zend_class_entry *register_class_Bjlg_Crypto_Cipher(void)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Bjlg\\Crypto", "Cipher", class_Bjlg_Crypto_Cipher_methods);
	class_entry = zend_register_internal_class_ex(&ce, NULL);
	class_entry->ce_flags |= ZEND_ACC_FINAL;


	zend_add_parameter_attribute(zend_hash_str_find_ptr(&class_entry->function_table, "encryptfile", sizeof("encryptfile") - 1), 2, ZSTR_KNOWN(ZEND_STR_SENSITIVEPARAMETER), 0);

	zend_add_parameter_attribute(zend_hash_str_find_ptr(&class_entry->function_table, "decryptfile", sizeof("decryptfile") - 1), 2, ZSTR_KNOWN(ZEND_STR_SENSITIVEPARAMETER), 0);

	zend_add_parameter_attribute(zend_hash_str_find_ptr(&class_entry->function_table, "verifyfile", sizeof("verifyfile") - 1), 1, ZSTR_KNOWN(ZEND_STR_SENSITIVEPARAMETER), 0);

	return class_entry;
}
