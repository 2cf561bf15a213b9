/* This is a generated file, edit the .stub.php file instead.
 * Stub hash: cb25f0031e61d3cc69a3d36d3887f20b9ed399c9 */




static const zend_function_entry class_Bjlg_Remote_RemoteException_methods[] = {
	ZEND_FE_END
};


static const zend_function_entry class_Bjlg_Remote_InvalidPolicyException_methods[] = {
	ZEND_FE_END
};


static const zend_function_entry class_Bjlg_Remote_IOException_methods[] = {
	ZEND_FE_END
};


static const zend_function_entry class_Bjlg_Remote_CancelledException_methods[] = {
	ZEND_FE_END
};

static zend_class_entry *register_class_Bjlg_Remote_RemoteException(zend_class_entry *class_entry_Throwable)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Bjlg\\Remote", "RemoteException", class_Bjlg_Remote_RemoteException_methods);
	class_entry = zend_register_internal_interface(&ce);
	zend_class_implements(class_entry, 1, class_entry_Throwable);

	return class_entry;
}

static zend_class_entry *register_class_Bjlg_Remote_InvalidPolicyException(zend_class_entry *class_entry_Bjlg_Exception, zend_class_entry *class_entry_Bjlg_Remote_RemoteException)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Bjlg\\Remote", "InvalidPolicyException", class_Bjlg_Remote_InvalidPolicyException_methods);
	class_entry = zend_register_internal_class_ex(&ce, class_entry_Bjlg_Exception);
	zend_class_implements(class_entry, 1, class_entry_Bjlg_Remote_RemoteException);

	return class_entry;
}

static zend_class_entry *register_class_Bjlg_Remote_IOException(zend_class_entry *class_entry_Bjlg_IOException, zend_class_entry *class_entry_Bjlg_Remote_RemoteException)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Bjlg\\Remote", "IOException", class_Bjlg_Remote_IOException_methods);
	class_entry = zend_register_internal_class_ex(&ce, class_entry_Bjlg_IOException);
	zend_class_implements(class_entry, 1, class_entry_Bjlg_Remote_RemoteException);

	return class_entry;
}

static zend_class_entry *register_class_Bjlg_Remote_CancelledException(zend_class_entry *class_entry_Bjlg_CancelledException, zend_class_entry *class_entry_Bjlg_Remote_RemoteException)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Bjlg\\Remote", "CancelledException", class_Bjlg_Remote_CancelledException_methods);
	class_entry = zend_register_internal_class_ex(&ce, class_entry_Bjlg_CancelledException);
	zend_class_implements(class_entry, 1, class_entry_Bjlg_Remote_RemoteException);

	return class_entry;
}
