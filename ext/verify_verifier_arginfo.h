/* This is a generated file, edit the .stub.php file instead.
 * Stub hash: f445ff6b0014cdedeb534fdd93cf9185bc8180da */

ZEND_BEGIN_ARG_INFO_EX(arginfo_class_Bjlg_Verify_Verifier___construct, 0, 0, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Bjlg_Verify_Verifier_verify, 0, 1, IS_ARRAY, 0)
	ZEND_ARG_TYPE_INFO(0, archive, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, options, IS_ARRAY, 0, "[]")
ZEND_END_ARG_INFO()


ZEND_METHOD(Bjlg_Verify_Verifier, __construct);
ZEND_METHOD(Bjlg_Verify_Verifier, verify);


static const zend_function_entry class_Bjlg_Verify_Verifier_methods[] = {
	ZEND_ME(Bjlg_Verify_Verifier, __construct, arginfo_class_Bjlg_Verify_Verifier___construct, ZEND_ACC_PRIVATE)
	ZEND_ME(Bjlg_Verify_Verifier, verify, arginfo_class_Bjlg_Verify_Verifier_verify, ZEND_ACC_PUBLIC|ZEND_ACC_STATIC)
	ZEND_FE_END
};

static zend_class_entry *register_class_Bjlg_Verify_Verifier(void)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Bjlg\\Verify", "Verifier", class_Bjlg_Verify_Verifier_methods);
	class_entry = zend_register_internal_class_ex(&ce, NULL);
	class_entry->ce_flags |= ZEND_ACC_FINAL;


	zend_add_parameter_attribute(zend_hash_str_find_ptr(&class_entry->function_table, "verify", sizeof("verify") - 1), 1, ZSTR_KNOWN(ZEND_STR_SENSITIVEPARAMETER), 0);

	return class_entry;
}
