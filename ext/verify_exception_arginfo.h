/* This is a generated file, edit the .stub.php file instead.
 * Stub hash: 79f44ecd891860ab0a21638b70d83f3697a96cee */




static const zend_function_entry class_Bjlg_Verify_VerifyException_methods[] = {
	ZEND_FE_END
};


static const zend_function_entry class_Bjlg_Verify_IOException_methods[] = {
	ZEND_FE_END
};


static const zend_function_entry class_Bjlg_Verify_WrongKeyException_methods[] = {
	ZEND_FE_END
};


static const zend_function_entry class_Bjlg_Verify_CancelledException_methods[] = {
	ZEND_FE_END
};


static const zend_function_entry class_Bjlg_Verify_UnsupportedException_methods[] = {
	ZEND_FE_END
};


static const zend_function_entry class_Bjlg_Verify_CorruptDataException_methods[] = {
	ZEND_FE_END
};

static zend_class_entry *register_class_Bjlg_Verify_VerifyException(zend_class_entry *class_entry_Throwable)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Bjlg\\Verify", "VerifyException", class_Bjlg_Verify_VerifyException_methods);
	class_entry = zend_register_internal_interface(&ce);
	zend_class_implements(class_entry, 1, class_entry_Throwable);

	return class_entry;
}

static zend_class_entry *register_class_Bjlg_Verify_IOException(zend_class_entry *class_entry_Bjlg_IOException, zend_class_entry *class_entry_Bjlg_Verify_VerifyException)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Bjlg\\Verify", "IOException", class_Bjlg_Verify_IOException_methods);
	class_entry = zend_register_internal_class_ex(&ce, class_entry_Bjlg_IOException);
	zend_class_implements(class_entry, 1, class_entry_Bjlg_Verify_VerifyException);

	return class_entry;
}

static zend_class_entry *register_class_Bjlg_Verify_WrongKeyException(zend_class_entry *class_entry_Bjlg_WrongKeyException, zend_class_entry *class_entry_Bjlg_Verify_VerifyException)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Bjlg\\Verify", "WrongKeyException", class_Bjlg_Verify_WrongKeyException_methods);
	class_entry = zend_register_internal_class_ex(&ce, class_entry_Bjlg_WrongKeyException);
	zend_class_implements(class_entry, 1, class_entry_Bjlg_Verify_VerifyException);

	return class_entry;
}

static zend_class_entry *register_class_Bjlg_Verify_CancelledException(zend_class_entry *class_entry_Bjlg_CancelledException, zend_class_entry *class_entry_Bjlg_Verify_VerifyException)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Bjlg\\Verify", "CancelledException", class_Bjlg_Verify_CancelledException_methods);
	class_entry = zend_register_internal_class_ex(&ce, class_entry_Bjlg_CancelledException);
	zend_class_implements(class_entry, 1, class_entry_Bjlg_Verify_VerifyException);

	return class_entry;
}

static zend_class_entry *register_class_Bjlg_Verify_UnsupportedException(zend_class_entry *class_entry_Bjlg_UnsupportedException, zend_class_entry *class_entry_Bjlg_Verify_VerifyException)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Bjlg\\Verify", "UnsupportedException", class_Bjlg_Verify_UnsupportedException_methods);
	class_entry = zend_register_internal_class_ex(&ce, class_entry_Bjlg_UnsupportedException);
	zend_class_implements(class_entry, 1, class_entry_Bjlg_Verify_VerifyException);

	return class_entry;
}

static zend_class_entry *register_class_Bjlg_Verify_CorruptDataException(zend_class_entry *class_entry_Bjlg_CorruptDataException, zend_class_entry *class_entry_Bjlg_Verify_VerifyException)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Bjlg\\Verify", "CorruptDataException", class_Bjlg_Verify_CorruptDataException_methods);
	class_entry = zend_register_internal_class_ex(&ce, class_entry_Bjlg_CorruptDataException);
	zend_class_implements(class_entry, 1, class_entry_Bjlg_Verify_VerifyException);

	return class_entry;
}
