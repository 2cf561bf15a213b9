/* This is a generated file, edit the .stub.php file instead.
 * Stub hash: 1cd79efa7a2dc686cc32944dcc34b4c80733868a */




static const zend_function_entry class_Bjlg_Watch_WatchException_methods[] = {
	ZEND_FE_END
};


static const zend_function_entry class_Bjlg_Watch_InvalidInputException_methods[] = {
	ZEND_FE_END
};


static const zend_function_entry class_Bjlg_Watch_IOException_methods[] = {
	ZEND_FE_END
};


static const zend_function_entry class_Bjlg_Watch_CorruptJournalException_methods[] = {
	ZEND_FE_END
};

static zend_class_entry *register_class_Bjlg_Watch_WatchException(zend_class_entry *class_entry_Throwable)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Bjlg\\Watch", "WatchException", class_Bjlg_Watch_WatchException_methods);
	class_entry = zend_register_internal_interface(&ce);
	zend_class_implements(class_entry, 1, class_entry_Throwable);

	return class_entry;
}

static zend_class_entry *register_class_Bjlg_Watch_InvalidInputException(zend_class_entry *class_entry_Bjlg_Exception, zend_class_entry *class_entry_Bjlg_Watch_WatchException)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Bjlg\\Watch", "InvalidInputException", class_Bjlg_Watch_InvalidInputException_methods);
	class_entry = zend_register_internal_class_ex(&ce, class_entry_Bjlg_Exception);
	zend_class_implements(class_entry, 1, class_entry_Bjlg_Watch_WatchException);

	return class_entry;
}

static zend_class_entry *register_class_Bjlg_Watch_IOException(zend_class_entry *class_entry_Bjlg_IOException, zend_class_entry *class_entry_Bjlg_Watch_WatchException)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Bjlg\\Watch", "IOException", class_Bjlg_Watch_IOException_methods);
	class_entry = zend_register_internal_class_ex(&ce, class_entry_Bjlg_IOException);
	zend_class_implements(class_entry, 1, class_entry_Bjlg_Watch_WatchException);

	return class_entry;
}

static zend_class_entry *register_class_Bjlg_Watch_CorruptJournalException(zend_class_entry *class_entry_Bjlg_CorruptDataException, zend_class_entry *class_entry_Bjlg_Watch_WatchException)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Bjlg\\Watch", "CorruptJournalException", class_Bjlg_Watch_CorruptJournalException_methods);
	class_entry = zend_register_internal_class_ex(&ce, class_entry_Bjlg_CorruptDataException);
	zend_class_implements(class_entry, 1, class_entry_Bjlg_Watch_WatchException);

	return class_entry;
}
