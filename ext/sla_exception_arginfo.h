/* This is a generated file, edit the .stub.php file instead.
 * Stub hash: aaaaed2dd42830b46c9c0be96800699d3fc6b6db */




static const zend_function_entry class_Bjlg_Sla_Exception_methods[] = {
	ZEND_FE_END
};


static const zend_function_entry class_Bjlg_Sla_InvalidInputException_methods[] = {
	ZEND_FE_END
};


static const zend_function_entry class_Bjlg_Sla_IOException_methods[] = {
	ZEND_FE_END
};


static const zend_function_entry class_Bjlg_Sla_CorruptHistoryException_methods[] = {
	ZEND_FE_END
};


static const zend_function_entry class_Bjlg_Sla_CancelledException_methods[] = {
	ZEND_FE_END
};

static zend_class_entry *register_class_Bjlg_Sla_Exception(zend_class_entry *class_entry_Throwable)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Bjlg\\Sla", "Exception", class_Bjlg_Sla_Exception_methods);
	class_entry = zend_register_internal_interface(&ce);
	zend_class_implements(class_entry, 1, class_entry_Throwable);

	return class_entry;
}

static zend_class_entry *register_class_Bjlg_Sla_InvalidInputException(zend_class_entry *class_entry_Bjlg_Exception, zend_class_entry *class_entry_Bjlg_Sla_Exception)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Bjlg\\Sla", "InvalidInputException", class_Bjlg_Sla_InvalidInputException_methods);
	class_entry = zend_register_internal_class_ex(&ce, class_entry_Bjlg_Exception);
	zend_class_implements(class_entry, 1, class_entry_Bjlg_Sla_Exception);

	return class_entry;
}

static zend_class_entry *register_class_Bjlg_Sla_IOException(zend_class_entry *class_entry_Bjlg_IOException, zend_class_entry *class_entry_Bjlg_Sla_Exception)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Bjlg\\Sla", "IOException", class_Bjlg_Sla_IOException_methods);
	class_entry = zend_register_internal_class_ex(&ce, class_entry_Bjlg_IOException);
	zend_class_implements(class_entry, 1, class_entry_Bjlg_Sla_Exception);

	return class_entry;
}

static zend_class_entry *register_class_Bjlg_Sla_CorruptHistoryException(zend_class_entry *class_entry_Bjlg_CorruptDataException, zend_class_entry *class_entry_Bjlg_Sla_Exception)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Bjlg\\Sla", "CorruptHistoryException", class_Bjlg_Sla_CorruptHistoryException_methods);
	class_entry = zend_register_internal_class_ex(&ce, class_entry_Bjlg_CorruptDataException);
	zend_class_implements(class_entry, 1, class_entry_Bjlg_Sla_Exception);

	return class_entry;
}

static zend_class_entry *register_class_Bjlg_Sla_CancelledException(zend_class_entry *class_entry_Bjlg_CancelledException, zend_class_entry *class_entry_Bjlg_Sla_Exception)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Bjlg\\Sla", "CancelledException", class_Bjlg_Sla_CancelledException_methods);
	class_entry = zend_register_internal_class_ex(&ce, class_entry_Bjlg_CancelledException);
	zend_class_implements(class_entry, 1, class_entry_Bjlg_Sla_Exception);

	return class_entry;
}
