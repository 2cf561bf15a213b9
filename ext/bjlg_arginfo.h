/* This is a generated file, edit the .stub.php file instead.
 * Stub hash: b4de703d57a1cd0cf07ab052f568cd224c7cbd91 */




static const zend_function_entry class_Bjlg_Exception_methods[] = {
	ZEND_FE_END
};

static zend_class_entry *register_class_Bjlg_Exception(zend_class_entry *class_entry_Exception)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Bjlg", "Exception", class_Bjlg_Exception_methods);
	class_entry = zend_register_internal_class_ex(&ce, class_entry_Exception);

	return class_entry;
}
