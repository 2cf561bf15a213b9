/* This is a generated file, edit the .stub.php file instead.
 * Stub hash: 9af22422e62cad8cc9f7fbac14e88b79fcfc65c4 */

ZEND_BEGIN_ARG_INFO_EX(arginfo_class_Bjlg_Cron_Expression___construct, 0, 0, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_OBJ_INFO_EX(arginfo_class_Bjlg_Cron_Expression_parse, 0, 1, Bjlg\\Cron\\Expression, 0)
	ZEND_ARG_TYPE_INFO(0, expression, IS_STRING, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Bjlg_Cron_Expression_isValid, 0, 1, _IS_BOOL, 0)
	ZEND_ARG_TYPE_INFO(0, expression, IS_STRING, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_OBJ_INFO_EX(arginfo_class_Bjlg_Cron_Expression_next, 0, 0, DateTimeImmutable, 0)
	ZEND_ARG_OBJ_INFO_WITH_DEFAULT_VALUE(0, from, DateTimeInterface, 1, "null")
	ZEND_ARG_OBJ_TYPE_MASK(0, timezone, DateTimeZone, MAY_BE_STRING|MAY_BE_NULL, "null")
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, inclusive, _IS_BOOL, 0, "false")
ZEND_END_ARG_INFO()

#define arginfo_class_Bjlg_Cron_Expression_previous arginfo_class_Bjlg_Cron_Expression_next

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Bjlg_Cron_Expression_nextRuns, 0, 1, IS_ARRAY, 0)
	ZEND_ARG_TYPE_INFO(0, count, IS_LONG, 0)
	ZEND_ARG_OBJ_INFO_WITH_DEFAULT_VALUE(0, from, DateTimeInterface, 1, "null")
	ZEND_ARG_OBJ_TYPE_MASK(0, timezone, DateTimeZone, MAY_BE_STRING|MAY_BE_NULL, "null")
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, inclusive, _IS_BOOL, 0, "false")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Bjlg_Cron_Expression_matches, 0, 1, _IS_BOOL, 0)
	ZEND_ARG_OBJ_INFO(0, at, DateTimeInterface, 0)
	ZEND_ARG_OBJ_TYPE_MASK(0, timezone, DateTimeZone, MAY_BE_STRING|MAY_BE_NULL, "null")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Bjlg_Cron_Expression_describe, 0, 0, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, locale, IS_STRING, 0, "\"en\"")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Bjlg_Cron_Expression_check, 0, 0, IS_ARRAY, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, options, IS_ARRAY, 0, "[]")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Bjlg_Cron_Expression_neverFires, 0, 0, _IS_BOOL, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Bjlg_Cron_Expression_getMacro, 0, 0, IS_STRING, 1)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Bjlg_Cron_Expression___toString, 0, 0, IS_STRING, 0)
ZEND_END_ARG_INFO()


ZEND_METHOD(Bjlg_Cron_Expression, __construct);
ZEND_METHOD(Bjlg_Cron_Expression, parse);
ZEND_METHOD(Bjlg_Cron_Expression, isValid);
ZEND_METHOD(Bjlg_Cron_Expression, next);
ZEND_METHOD(Bjlg_Cron_Expression, previous);
ZEND_METHOD(Bjlg_Cron_Expression, nextRuns);
ZEND_METHOD(Bjlg_Cron_Expression, matches);
ZEND_METHOD(Bjlg_Cron_Expression, describe);
ZEND_METHOD(Bjlg_Cron_Expression, check);
ZEND_METHOD(Bjlg_Cron_Expression, neverFires);
ZEND_METHOD(Bjlg_Cron_Expression, getMacro);
ZEND_METHOD(Bjlg_Cron_Expression, __toString);


static const zend_function_entry class_Bjlg_Cron_Expression_methods[] = {
	ZEND_ME(Bjlg_Cron_Expression, __construct, arginfo_class_Bjlg_Cron_Expression___construct, ZEND_ACC_PRIVATE)
	ZEND_ME(Bjlg_Cron_Expression, parse, arginfo_class_Bjlg_Cron_Expression_parse, ZEND_ACC_PUBLIC|ZEND_ACC_STATIC)
	ZEND_ME(Bjlg_Cron_Expression, isValid, arginfo_class_Bjlg_Cron_Expression_isValid, ZEND_ACC_PUBLIC|ZEND_ACC_STATIC)
	ZEND_ME(Bjlg_Cron_Expression, next, arginfo_class_Bjlg_Cron_Expression_next, ZEND_ACC_PUBLIC)
	ZEND_ME(Bjlg_Cron_Expression, previous, arginfo_class_Bjlg_Cron_Expression_previous, ZEND_ACC_PUBLIC)
	ZEND_ME(Bjlg_Cron_Expression, nextRuns, arginfo_class_Bjlg_Cron_Expression_nextRuns, ZEND_ACC_PUBLIC)
	ZEND_ME(Bjlg_Cron_Expression, matches, arginfo_class_Bjlg_Cron_Expression_matches, ZEND_ACC_PUBLIC)
	ZEND_ME(Bjlg_Cron_Expression, describe, arginfo_class_Bjlg_Cron_Expression_describe, ZEND_ACC_PUBLIC)
	ZEND_ME(Bjlg_Cron_Expression, check, arginfo_class_Bjlg_Cron_Expression_check, ZEND_ACC_PUBLIC)
	ZEND_ME(Bjlg_Cron_Expression, neverFires, arginfo_class_Bjlg_Cron_Expression_neverFires, ZEND_ACC_PUBLIC)
	ZEND_ME(Bjlg_Cron_Expression, getMacro, arginfo_class_Bjlg_Cron_Expression_getMacro, ZEND_ACC_PUBLIC)
	ZEND_ME(Bjlg_Cron_Expression, __toString, arginfo_class_Bjlg_Cron_Expression___toString, ZEND_ACC_PUBLIC)
	ZEND_FE_END
};


static const zend_function_entry class_Bjlg_Cron_SyntaxError_methods[] = {
	ZEND_FE_END
};


static const zend_function_entry class_Bjlg_Cron_NoRunException_methods[] = {
	ZEND_FE_END
};

static zend_class_entry *register_class_Bjlg_Cron_Expression(void)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Bjlg\\Cron", "Expression", class_Bjlg_Cron_Expression_methods);
	class_entry = zend_register_internal_class_ex(&ce, NULL);
	class_entry->ce_flags |= ZEND_ACC_FINAL|ZEND_ACC_NO_DYNAMIC_PROPERTIES|ZEND_ACC_NOT_SERIALIZABLE;

	return class_entry;
}

static zend_class_entry *register_class_Bjlg_Cron_SyntaxError(zend_class_entry *class_entry_Bjlg_Exception)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Bjlg\\Cron", "SyntaxError", class_Bjlg_Cron_SyntaxError_methods);
	class_entry = zend_register_internal_class_ex(&ce, class_entry_Bjlg_Exception);

	zval property_field_default_value;
	ZVAL_UNDEF(&property_field_default_value);
	zend_string *property_field_name = zend_string_init("field", sizeof("field") - 1, 1);
	zend_declare_typed_property(class_entry, property_field_name, &property_field_default_value, ZEND_ACC_PUBLIC|ZEND_ACC_READONLY, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_STRING|MAY_BE_NULL));
	zend_string_release(property_field_name);

	zval property_position_default_value;
	ZVAL_UNDEF(&property_position_default_value);
	zend_string *property_position_name = zend_string_init("position", sizeof("position") - 1, 1);
	zend_declare_typed_property(class_entry, property_position_name, &property_position_default_value, ZEND_ACC_PUBLIC|ZEND_ACC_READONLY, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_LONG));
	zend_string_release(property_position_name);

	zval property_reason_default_value;
	ZVAL_UNDEF(&property_reason_default_value);
	zend_string *property_reason_name = zend_string_init("reason", sizeof("reason") - 1, 1);
	zend_declare_typed_property(class_entry, property_reason_name, &property_reason_default_value, ZEND_ACC_PUBLIC|ZEND_ACC_READONLY, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_STRING));
	zend_string_release(property_reason_name);

	zval property_suggestion_default_value;
	ZVAL_UNDEF(&property_suggestion_default_value);
	zend_string *property_suggestion_name = zend_string_init("suggestion", sizeof("suggestion") - 1, 1);
	zend_declare_typed_property(class_entry, property_suggestion_name, &property_suggestion_default_value, ZEND_ACC_PUBLIC|ZEND_ACC_READONLY, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_STRING|MAY_BE_NULL));
	zend_string_release(property_suggestion_name);

	return class_entry;
}

static zend_class_entry *register_class_Bjlg_Cron_NoRunException(zend_class_entry *class_entry_Bjlg_Exception)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Bjlg\\Cron", "NoRunException", class_Bjlg_Cron_NoRunException_methods);
	class_entry = zend_register_internal_class_ex(&ce, class_entry_Bjlg_Exception);

	return class_entry;
}
