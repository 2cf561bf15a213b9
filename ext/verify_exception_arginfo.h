/* This is a generated file, edit the .stub.php file instead.
 * Stub hash: 0049c7093c28f616a1b353b24c292c50dba9297d */




static const zend_function_entry class_Bjlg_Verify_VerifyException_methods[] = {
	ZEND_FE_END
};

static zend_class_entry *register_class_Bjlg_Verify_VerifyException(zend_class_entry *class_entry_Bjlg_Exception)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Bjlg\\Verify", "VerifyException", class_Bjlg_Verify_VerifyException_methods);
	class_entry = zend_register_internal_class_ex(&ce, class_entry_Bjlg_Exception);

	return class_entry;
}
