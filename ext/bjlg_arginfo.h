/* This is a generated file, edit the .stub.php file instead.
 * Stub hash: 3b1b2484203a7a77a9c4f62cbffad6e7b22ab71a */




static const zend_function_entry class_Bjlg_Exception_methods[] = {
	ZEND_FE_END
};


static const zend_function_entry class_Bjlg_IOException_methods[] = {
	ZEND_FE_END
};


static const zend_function_entry class_Bjlg_CorruptDataException_methods[] = {
	ZEND_FE_END
};


static const zend_function_entry class_Bjlg_WrongKeyException_methods[] = {
	ZEND_FE_END
};


static const zend_function_entry class_Bjlg_CancelledException_methods[] = {
	ZEND_FE_END
};


static const zend_function_entry class_Bjlg_UnsupportedException_methods[] = {
	ZEND_FE_END
};


static const zend_function_entry class_Bjlg_NetworkException_methods[] = {
	ZEND_FE_END
};

static zend_class_entry *register_class_Bjlg_Exception(zend_class_entry *class_entry_Exception)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Bjlg", "Exception", class_Bjlg_Exception_methods);
	class_entry = zend_register_internal_class_ex(&ce, class_entry_Exception);

	zval property_error_code_default_value;
	ZVAL_EMPTY_STRING(&property_error_code_default_value);
	zend_string *property_error_code_name = zend_string_init("error_code", sizeof("error_code") - 1, 1);
	zend_declare_typed_property(class_entry, property_error_code_name, &property_error_code_default_value, ZEND_ACC_PUBLIC, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_STRING));
	zend_string_release(property_error_code_name);

	return class_entry;
}

static zend_class_entry *register_class_Bjlg_IOException(zend_class_entry *class_entry_Bjlg_Exception)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Bjlg", "IOException", class_Bjlg_IOException_methods);
	class_entry = zend_register_internal_class_ex(&ce, class_entry_Bjlg_Exception);

	return class_entry;
}

static zend_class_entry *register_class_Bjlg_CorruptDataException(zend_class_entry *class_entry_Bjlg_Exception)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Bjlg", "CorruptDataException", class_Bjlg_CorruptDataException_methods);
	class_entry = zend_register_internal_class_ex(&ce, class_entry_Bjlg_Exception);

	return class_entry;
}

static zend_class_entry *register_class_Bjlg_WrongKeyException(zend_class_entry *class_entry_Bjlg_Exception)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Bjlg", "WrongKeyException", class_Bjlg_WrongKeyException_methods);
	class_entry = zend_register_internal_class_ex(&ce, class_entry_Bjlg_Exception);

	return class_entry;
}

static zend_class_entry *register_class_Bjlg_CancelledException(zend_class_entry *class_entry_Bjlg_Exception)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Bjlg", "CancelledException", class_Bjlg_CancelledException_methods);
	class_entry = zend_register_internal_class_ex(&ce, class_entry_Bjlg_Exception);

	return class_entry;
}

static zend_class_entry *register_class_Bjlg_UnsupportedException(zend_class_entry *class_entry_Bjlg_Exception)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Bjlg", "UnsupportedException", class_Bjlg_UnsupportedException_methods);
	class_entry = zend_register_internal_class_ex(&ce, class_entry_Bjlg_Exception);

	return class_entry;
}

static zend_class_entry *register_class_Bjlg_NetworkException(zend_class_entry *class_entry_Bjlg_Exception)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Bjlg", "NetworkException", class_Bjlg_NetworkException_methods);
	class_entry = zend_register_internal_class_ex(&ce, class_entry_Bjlg_Exception);

	return class_entry;
}
