/* This is a generated file, edit the .stub.php file instead.
 * Stub hash: 2e28d4da461ece7fb06031bf89fa9568bd672a16 */




static const zend_function_entry class_Bjlg_Quota_QuotaException_methods[] = {
	ZEND_FE_END
};


static const zend_function_entry class_Bjlg_Quota_InvalidDestinationException_methods[] = {
	ZEND_FE_END
};


static const zend_function_entry class_Bjlg_Quota_IOException_methods[] = {
	ZEND_FE_END
};

static zend_class_entry *register_class_Bjlg_Quota_QuotaException(zend_class_entry *class_entry_Throwable)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Bjlg\\Quota", "QuotaException", class_Bjlg_Quota_QuotaException_methods);
	class_entry = zend_register_internal_interface(&ce);
	zend_class_implements(class_entry, 1, class_entry_Throwable);

	return class_entry;
}

static zend_class_entry *register_class_Bjlg_Quota_InvalidDestinationException(zend_class_entry *class_entry_Bjlg_Exception, zend_class_entry *class_entry_Bjlg_Quota_QuotaException)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Bjlg\\Quota", "InvalidDestinationException", class_Bjlg_Quota_InvalidDestinationException_methods);
	class_entry = zend_register_internal_class_ex(&ce, class_entry_Bjlg_Exception);
	zend_class_implements(class_entry, 1, class_entry_Bjlg_Quota_QuotaException);

	return class_entry;
}

static zend_class_entry *register_class_Bjlg_Quota_IOException(zend_class_entry *class_entry_Bjlg_IOException, zend_class_entry *class_entry_Bjlg_Quota_QuotaException)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Bjlg\\Quota", "IOException", class_Bjlg_Quota_IOException_methods);
	class_entry = zend_register_internal_class_ex(&ce, class_entry_Bjlg_IOException);
	zend_class_implements(class_entry, 1, class_entry_Bjlg_Quota_QuotaException);

	return class_entry;
}
