/* This is a generated file, edit the .stub.php file instead.
 * Stub hash: f67850f403027caca0efcad42fc26db7a9f4b321 */




static const zend_function_entry class_Bjlg_Config_ConfigException_methods[] = {
	ZEND_FE_END
};


static const zend_function_entry class_Bjlg_Config_InvalidPolicyException_methods[] = {
	ZEND_FE_END
};


static const zend_function_entry class_Bjlg_Config_IOException_methods[] = {
	ZEND_FE_END
};

static zend_class_entry *register_class_Bjlg_Config_ConfigException(zend_class_entry *class_entry_Throwable)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Bjlg\\Config", "ConfigException", class_Bjlg_Config_ConfigException_methods);
	class_entry = zend_register_internal_interface(&ce);
	zend_class_implements(class_entry, 1, class_entry_Throwable);

	return class_entry;
}

static zend_class_entry *register_class_Bjlg_Config_InvalidPolicyException(zend_class_entry *class_entry_Bjlg_Exception, zend_class_entry *class_entry_Bjlg_Config_ConfigException)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Bjlg\\Config", "InvalidPolicyException", class_Bjlg_Config_InvalidPolicyException_methods);
	class_entry = zend_register_internal_class_ex(&ce, class_entry_Bjlg_Exception);
	zend_class_implements(class_entry, 1, class_entry_Bjlg_Config_ConfigException);

	return class_entry;
}

static zend_class_entry *register_class_Bjlg_Config_IOException(zend_class_entry *class_entry_Bjlg_IOException, zend_class_entry *class_entry_Bjlg_Config_ConfigException)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Bjlg\\Config", "IOException", class_Bjlg_Config_IOException_methods);
	class_entry = zend_register_internal_class_ex(&ce, class_entry_Bjlg_IOException);
	zend_class_implements(class_entry, 1, class_entry_Bjlg_Config_ConfigException);

	return class_entry;
}
