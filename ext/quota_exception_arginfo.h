/* This is a generated file, edit the .stub.php file instead.
 * Stub hash: 2576bdb5cb1e00f3093844b49014befb340d0297 */




static const zend_function_entry class_Bjlg_Quota_InvalidDestinationException_methods[] = {
	ZEND_FE_END
};

static zend_class_entry *register_class_Bjlg_Quota_InvalidDestinationException(zend_class_entry *class_entry_Bjlg_Exception)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Bjlg\\Quota", "InvalidDestinationException", class_Bjlg_Quota_InvalidDestinationException_methods);
	class_entry = zend_register_internal_class_ex(&ce, class_entry_Bjlg_Exception);

	return class_entry;
}
