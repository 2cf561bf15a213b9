/* This is a generated file, edit the .stub.php file instead.
 * Stub hash: bbf794ca998787752b32d754f9839de4ff361e27 */




static const zend_function_entry class_Bjlg_Crypto_CryptoException_methods[] = {
	ZEND_FE_END
};


static const zend_function_entry class_Bjlg_Crypto_WrongKeyException_methods[] = {
	ZEND_FE_END
};


static const zend_function_entry class_Bjlg_Crypto_CorruptedDataException_methods[] = {
	ZEND_FE_END
};


static const zend_function_entry class_Bjlg_Crypto_TruncatedDataException_methods[] = {
	ZEND_FE_END
};


static const zend_function_entry class_Bjlg_Crypto_UnsupportedFormatException_methods[] = {
	ZEND_FE_END
};


static const zend_function_entry class_Bjlg_Crypto_IOException_methods[] = {
	ZEND_FE_END
};


static const zend_function_entry class_Bjlg_Crypto_CancelledException_methods[] = {
	ZEND_FE_END
};

static zend_class_entry *register_class_Bjlg_Crypto_CryptoException(zend_class_entry *class_entry_Throwable)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Bjlg\\Crypto", "CryptoException", class_Bjlg_Crypto_CryptoException_methods);
	class_entry = zend_register_internal_interface(&ce);
	zend_class_implements(class_entry, 1, class_entry_Throwable);

	return class_entry;
}

static zend_class_entry *register_class_Bjlg_Crypto_WrongKeyException(zend_class_entry *class_entry_Bjlg_WrongKeyException, zend_class_entry *class_entry_Bjlg_Crypto_CryptoException)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Bjlg\\Crypto", "WrongKeyException", class_Bjlg_Crypto_WrongKeyException_methods);
	class_entry = zend_register_internal_class_ex(&ce, class_entry_Bjlg_WrongKeyException);
	zend_class_implements(class_entry, 1, class_entry_Bjlg_Crypto_CryptoException);

	return class_entry;
}

static zend_class_entry *register_class_Bjlg_Crypto_CorruptedDataException(zend_class_entry *class_entry_Bjlg_CorruptDataException, zend_class_entry *class_entry_Bjlg_Crypto_CryptoException)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Bjlg\\Crypto", "CorruptedDataException", class_Bjlg_Crypto_CorruptedDataException_methods);
	class_entry = zend_register_internal_class_ex(&ce, class_entry_Bjlg_CorruptDataException);
	zend_class_implements(class_entry, 1, class_entry_Bjlg_Crypto_CryptoException);

	return class_entry;
}

static zend_class_entry *register_class_Bjlg_Crypto_TruncatedDataException(zend_class_entry *class_entry_Bjlg_Crypto_CorruptedDataException)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Bjlg\\Crypto", "TruncatedDataException", class_Bjlg_Crypto_TruncatedDataException_methods);
	class_entry = zend_register_internal_class_ex(&ce, class_entry_Bjlg_Crypto_CorruptedDataException);

	return class_entry;
}

static zend_class_entry *register_class_Bjlg_Crypto_UnsupportedFormatException(zend_class_entry *class_entry_Bjlg_UnsupportedException, zend_class_entry *class_entry_Bjlg_Crypto_CryptoException)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Bjlg\\Crypto", "UnsupportedFormatException", class_Bjlg_Crypto_UnsupportedFormatException_methods);
	class_entry = zend_register_internal_class_ex(&ce, class_entry_Bjlg_UnsupportedException);
	zend_class_implements(class_entry, 1, class_entry_Bjlg_Crypto_CryptoException);

	return class_entry;
}

static zend_class_entry *register_class_Bjlg_Crypto_IOException(zend_class_entry *class_entry_Bjlg_IOException, zend_class_entry *class_entry_Bjlg_Crypto_CryptoException)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Bjlg\\Crypto", "IOException", class_Bjlg_Crypto_IOException_methods);
	class_entry = zend_register_internal_class_ex(&ce, class_entry_Bjlg_IOException);
	zend_class_implements(class_entry, 1, class_entry_Bjlg_Crypto_CryptoException);

	return class_entry;
}

static zend_class_entry *register_class_Bjlg_Crypto_CancelledException(zend_class_entry *class_entry_Bjlg_CancelledException, zend_class_entry *class_entry_Bjlg_Crypto_CryptoException)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Bjlg\\Crypto", "CancelledException", class_Bjlg_Crypto_CancelledException_methods);
	class_entry = zend_register_internal_class_ex(&ce, class_entry_Bjlg_CancelledException);
	zend_class_implements(class_entry, 1, class_entry_Bjlg_Crypto_CryptoException);

	return class_entry;
}
