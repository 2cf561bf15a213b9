/* This is a generated file, edit the .stub.php file instead.
 * Stub hash: 4dc5daa2117de17062becc5d34fa2826867240c7 */




static const zend_function_entry class_Bjlg_Notify_NotifyException_methods[] = {
	ZEND_FE_END
};


static const zend_function_entry class_Bjlg_Notify_InvalidInputException_methods[] = {
	ZEND_FE_END
};


static const zend_function_entry class_Bjlg_Notify_IOException_methods[] = {
	ZEND_FE_END
};


static const zend_function_entry class_Bjlg_Notify_CancelledException_methods[] = {
	ZEND_FE_END
};

static zend_class_entry *register_class_Bjlg_Notify_NotifyException(zend_class_entry *class_entry_Throwable)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Bjlg\\Notify", "NotifyException", class_Bjlg_Notify_NotifyException_methods);
	class_entry = zend_register_internal_interface(&ce);
	zend_class_implements(class_entry, 1, class_entry_Throwable);

	return class_entry;
}

static zend_class_entry *register_class_Bjlg_Notify_InvalidInputException(zend_class_entry *class_entry_Bjlg_Exception, zend_class_entry *class_entry_Bjlg_Notify_NotifyException)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Bjlg\\Notify", "InvalidInputException", class_Bjlg_Notify_InvalidInputException_methods);
	class_entry = zend_register_internal_class_ex(&ce, class_entry_Bjlg_Exception);
	zend_class_implements(class_entry, 1, class_entry_Bjlg_Notify_NotifyException);

	return class_entry;
}

static zend_class_entry *register_class_Bjlg_Notify_IOException(zend_class_entry *class_entry_Bjlg_IOException, zend_class_entry *class_entry_Bjlg_Notify_NotifyException)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Bjlg\\Notify", "IOException", class_Bjlg_Notify_IOException_methods);
	class_entry = zend_register_internal_class_ex(&ce, class_entry_Bjlg_IOException);
	zend_class_implements(class_entry, 1, class_entry_Bjlg_Notify_NotifyException);

	return class_entry;
}

static zend_class_entry *register_class_Bjlg_Notify_CancelledException(zend_class_entry *class_entry_Bjlg_CancelledException, zend_class_entry *class_entry_Bjlg_Notify_NotifyException)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Bjlg\\Notify", "CancelledException", class_Bjlg_Notify_CancelledException_methods);
	class_entry = zend_register_internal_class_ex(&ce, class_entry_Bjlg_CancelledException);
	zend_class_implements(class_entry, 1, class_entry_Bjlg_Notify_NotifyException);

	return class_entry;
}
