/* This is a generated file, edit the .stub.php file instead.
 * Stub hash: 0e79c8d8615f4cf0da546d5e31042c0d5efc8502 */




static const zend_function_entry class_Bjlg_Archive_ArchiveException_methods[] = {
	ZEND_FE_END
};


static const zend_function_entry class_Bjlg_Archive_IOException_methods[] = {
	ZEND_FE_END
};


static const zend_function_entry class_Bjlg_Archive_CorruptArchiveException_methods[] = {
	ZEND_FE_END
};


static const zend_function_entry class_Bjlg_Archive_CancelledException_methods[] = {
	ZEND_FE_END
};

static zend_class_entry *register_class_Bjlg_Archive_ArchiveException(zend_class_entry *class_entry_Bjlg_Exception)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Bjlg\\Archive", "ArchiveException", class_Bjlg_Archive_ArchiveException_methods);
	class_entry = zend_register_internal_class_ex(&ce, class_entry_Bjlg_Exception);

	return class_entry;
}

static zend_class_entry *register_class_Bjlg_Archive_IOException(zend_class_entry *class_entry_Bjlg_Archive_ArchiveException)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Bjlg\\Archive", "IOException", class_Bjlg_Archive_IOException_methods);
	class_entry = zend_register_internal_class_ex(&ce, class_entry_Bjlg_Archive_ArchiveException);

	return class_entry;
}

static zend_class_entry *register_class_Bjlg_Archive_CorruptArchiveException(zend_class_entry *class_entry_Bjlg_Archive_ArchiveException)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Bjlg\\Archive", "CorruptArchiveException", class_Bjlg_Archive_CorruptArchiveException_methods);
	class_entry = zend_register_internal_class_ex(&ce, class_entry_Bjlg_Archive_ArchiveException);

	return class_entry;
}

static zend_class_entry *register_class_Bjlg_Archive_CancelledException(zend_class_entry *class_entry_Bjlg_Archive_ArchiveException)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Bjlg\\Archive", "CancelledException", class_Bjlg_Archive_CancelledException_methods);
	class_entry = zend_register_internal_class_ex(&ce, class_entry_Bjlg_Archive_ArchiveException);

	return class_entry;
}
