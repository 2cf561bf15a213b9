/* This is a generated file, edit the .stub.php file instead.
 * Stub hash: af3075e337a8bc99669bb73fa9e7da1c943851bb */




static const zend_function_entry class_Bjlg_Archive_ArchiveException_methods[] = {
	ZEND_FE_END
};


static const zend_function_entry class_Bjlg_Archive_IOException_methods[] = {
	ZEND_FE_END
};


static const zend_function_entry class_Bjlg_Archive_CorruptArchiveException_methods[] = {
	ZEND_FE_END
};


static const zend_function_entry class_Bjlg_Archive_WrongKeyException_methods[] = {
	ZEND_FE_END
};


static const zend_function_entry class_Bjlg_Archive_CancelledException_methods[] = {
	ZEND_FE_END
};


static const zend_function_entry class_Bjlg_Archive_UnsupportedException_methods[] = {
	ZEND_FE_END
};

static zend_class_entry *register_class_Bjlg_Archive_ArchiveException(zend_class_entry *class_entry_Throwable)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Bjlg\\Archive", "ArchiveException", class_Bjlg_Archive_ArchiveException_methods);
	class_entry = zend_register_internal_interface(&ce);
	zend_class_implements(class_entry, 1, class_entry_Throwable);

	return class_entry;
}

static zend_class_entry *register_class_Bjlg_Archive_IOException(zend_class_entry *class_entry_Bjlg_IOException, zend_class_entry *class_entry_Bjlg_Archive_ArchiveException)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Bjlg\\Archive", "IOException", class_Bjlg_Archive_IOException_methods);
	class_entry = zend_register_internal_class_ex(&ce, class_entry_Bjlg_IOException);
	zend_class_implements(class_entry, 1, class_entry_Bjlg_Archive_ArchiveException);

	return class_entry;
}

static zend_class_entry *register_class_Bjlg_Archive_CorruptArchiveException(zend_class_entry *class_entry_Bjlg_CorruptDataException, zend_class_entry *class_entry_Bjlg_Archive_ArchiveException)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Bjlg\\Archive", "CorruptArchiveException", class_Bjlg_Archive_CorruptArchiveException_methods);
	class_entry = zend_register_internal_class_ex(&ce, class_entry_Bjlg_CorruptDataException);
	zend_class_implements(class_entry, 1, class_entry_Bjlg_Archive_ArchiveException);

	return class_entry;
}

static zend_class_entry *register_class_Bjlg_Archive_WrongKeyException(zend_class_entry *class_entry_Bjlg_WrongKeyException, zend_class_entry *class_entry_Bjlg_Archive_ArchiveException)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Bjlg\\Archive", "WrongKeyException", class_Bjlg_Archive_WrongKeyException_methods);
	class_entry = zend_register_internal_class_ex(&ce, class_entry_Bjlg_WrongKeyException);
	zend_class_implements(class_entry, 1, class_entry_Bjlg_Archive_ArchiveException);

	return class_entry;
}

static zend_class_entry *register_class_Bjlg_Archive_CancelledException(zend_class_entry *class_entry_Bjlg_CancelledException, zend_class_entry *class_entry_Bjlg_Archive_ArchiveException)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Bjlg\\Archive", "CancelledException", class_Bjlg_Archive_CancelledException_methods);
	class_entry = zend_register_internal_class_ex(&ce, class_entry_Bjlg_CancelledException);
	zend_class_implements(class_entry, 1, class_entry_Bjlg_Archive_ArchiveException);

	return class_entry;
}

static zend_class_entry *register_class_Bjlg_Archive_UnsupportedException(zend_class_entry *class_entry_Bjlg_UnsupportedException, zend_class_entry *class_entry_Bjlg_Archive_ArchiveException)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Bjlg\\Archive", "UnsupportedException", class_Bjlg_Archive_UnsupportedException_methods);
	class_entry = zend_register_internal_class_ex(&ce, class_entry_Bjlg_UnsupportedException);
	zend_class_implements(class_entry, 1, class_entry_Bjlg_Archive_ArchiveException);

	return class_entry;
}
