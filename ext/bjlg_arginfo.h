/* This is a generated file, edit the .stub.php file instead.
 * Stub hash: b6b1d92fe07c71a60ba946d42a1d3dd3a8430014 */




static const zend_function_entry class_Bjlg_Exception_methods[] = {
	ZEND_FE_END
};


static const zend_function_entry class_Bjlg_OptionError_methods[] = {
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

	zval property_item_default_value;
	ZVAL_NULL(&property_item_default_value);
	zend_string *property_item_name = zend_string_init("item", sizeof("item") - 1, 1);
	zend_declare_typed_property(class_entry, property_item_name, &property_item_default_value, ZEND_ACC_PUBLIC, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_LONG|MAY_BE_NULL));
	zend_string_release(property_item_name);

	return class_entry;
}

static zend_class_entry *register_class_Bjlg_OptionError(zend_class_entry *class_entry_ValueError)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Bjlg", "OptionError", class_Bjlg_OptionError_methods);
	class_entry = zend_register_internal_class_ex(&ce, class_entry_ValueError);

	zval property_option_default_value;
	ZVAL_EMPTY_STRING(&property_option_default_value);
	zend_string *property_option_name = zend_string_init("option", sizeof("option") - 1, 1);
	zend_declare_typed_property(class_entry, property_option_name, &property_option_default_value, ZEND_ACC_PUBLIC, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_STRING));
	zend_string_release(property_option_name);

	zval property_reason_default_value;
	ZVAL_EMPTY_STRING(&property_reason_default_value);
	zend_string *property_reason_name = zend_string_init("reason", sizeof("reason") - 1, 1);
	zend_declare_typed_property(class_entry, property_reason_name, &property_reason_default_value, ZEND_ACC_PUBLIC, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_STRING));
	zend_string_release(property_reason_name);

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
