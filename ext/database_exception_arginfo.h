/* This is a generated file, edit the .stub.php file instead.
 * Stub hash: d278da523edb1ff8a3289488e5ca2f2c317c47ba */




static const zend_function_entry class_Bjlg_Database_DatabaseException_methods[] = {
	ZEND_FE_END
};


static const zend_function_entry class_Bjlg_Database_NetworkException_methods[] = {
	ZEND_FE_END
};


static const zend_function_entry class_Bjlg_Database_IOException_methods[] = {
	ZEND_FE_END
};


static const zend_function_entry class_Bjlg_Database_CancelledException_methods[] = {
	ZEND_FE_END
};


static const zend_function_entry class_Bjlg_Database_CorruptDataException_methods[] = {
	ZEND_FE_END
};

static zend_class_entry *register_class_Bjlg_Database_DatabaseException(zend_class_entry *class_entry_Throwable)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Bjlg\\Database", "DatabaseException", class_Bjlg_Database_DatabaseException_methods);
	class_entry = zend_register_internal_interface(&ce);
	zend_class_implements(class_entry, 1, class_entry_Throwable);

	return class_entry;
}

static zend_class_entry *register_class_Bjlg_Database_NetworkException(zend_class_entry *class_entry_Bjlg_NetworkException, zend_class_entry *class_entry_Bjlg_Database_DatabaseException)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Bjlg\\Database", "NetworkException", class_Bjlg_Database_NetworkException_methods);
	class_entry = zend_register_internal_class_ex(&ce, class_entry_Bjlg_NetworkException);
	zend_class_implements(class_entry, 1, class_entry_Bjlg_Database_DatabaseException);

	return class_entry;
}

static zend_class_entry *register_class_Bjlg_Database_IOException(zend_class_entry *class_entry_Bjlg_IOException, zend_class_entry *class_entry_Bjlg_Database_DatabaseException)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Bjlg\\Database", "IOException", class_Bjlg_Database_IOException_methods);
	class_entry = zend_register_internal_class_ex(&ce, class_entry_Bjlg_IOException);
	zend_class_implements(class_entry, 1, class_entry_Bjlg_Database_DatabaseException);

	return class_entry;
}

static zend_class_entry *register_class_Bjlg_Database_CancelledException(zend_class_entry *class_entry_Bjlg_CancelledException, zend_class_entry *class_entry_Bjlg_Database_DatabaseException)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Bjlg\\Database", "CancelledException", class_Bjlg_Database_CancelledException_methods);
	class_entry = zend_register_internal_class_ex(&ce, class_entry_Bjlg_CancelledException);
	zend_class_implements(class_entry, 1, class_entry_Bjlg_Database_DatabaseException);

	return class_entry;
}

static zend_class_entry *register_class_Bjlg_Database_CorruptDataException(zend_class_entry *class_entry_Bjlg_CorruptDataException, zend_class_entry *class_entry_Bjlg_Database_DatabaseException)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Bjlg\\Database", "CorruptDataException", class_Bjlg_Database_CorruptDataException_methods);
	class_entry = zend_register_internal_class_ex(&ce, class_entry_Bjlg_CorruptDataException);
	zend_class_implements(class_entry, 1, class_entry_Bjlg_Database_DatabaseException);

	return class_entry;
}
