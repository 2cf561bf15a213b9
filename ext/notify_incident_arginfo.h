/* This is a generated file, edit the .stub.php file instead.
 * Stub hash: 3519163a6136ce146aa819376e4f34af1844f5ff */

ZEND_BEGIN_ARG_INFO_EX(arginfo_class_Bjlg_Notify_Incident___construct, 0, 0, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_OBJ_INFO_EX(arginfo_class_Bjlg_Notify_Incident_open, 0, 2, Bjlg\\\116otify\\Incident, 0)
	ZEND_ARG_TYPE_INFO(0, event, IS_ARRAY, 0)
	ZEND_ARG_TYPE_INFO(0, policy, IS_ARRAY, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, now, IS_LONG, 1, "null")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_OBJ_INFO_EX(arginfo_class_Bjlg_Notify_Incident_fromArray, 0, 1, Bjlg\\\116otify\\Incident, 0)
	ZEND_ARG_TYPE_INFO(0, state, IS_ARRAY, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Bjlg_Notify_Incident_toArray, 0, 0, IS_ARRAY, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Bjlg_Notify_Incident_due, 0, 1, IS_ARRAY, 0)
	ZEND_ARG_TYPE_INFO(0, now, IS_LONG, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Bjlg_Notify_Incident_acknowledge, 0, 1, IS_VOID, 0)
	ZEND_ARG_TYPE_INFO(0, actor, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, note, IS_STRING, 0, "\'\'")
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, now, IS_LONG, 1, "null")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Bjlg_Notify_Incident_resolve, 0, 2, IS_ARRAY, 0)
	ZEND_ARG_TYPE_INFO(0, actor, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO(0, summary, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, actions, IS_ARRAY, 0, "[]")
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, now, IS_LONG, 1, "null")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Bjlg_Notify_Incident_addAction, 0, 1, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO(0, title, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, owner, IS_STRING, 0, "\'\'")
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, dueAt, IS_LONG, 1, "null")
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, status, IS_STRING, 0, "\'open\'")
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, now, IS_LONG, 1, "null")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Bjlg_Notify_Incident_updateAction, 0, 2, IS_VOID, 0)
	ZEND_ARG_TYPE_INFO(0, id, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO(0, changes, IS_ARRAY, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, actor, IS_STRING, 0, "\'\'")
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, now, IS_LONG, 1, "null")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Bjlg_Notify_Incident_report, 0, 0, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, format, IS_STRING, 0, "\'html\'")
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, locale, IS_STRING, 0, "\'en\'")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Bjlg_Notify_Incident_id, 0, 0, IS_STRING, 0)
ZEND_END_ARG_INFO()

#define arginfo_class_Bjlg_Notify_Incident_status arginfo_class_Bjlg_Notify_Incident_id

#define arginfo_class_Bjlg_Notify_Digest___construct arginfo_class_Bjlg_Notify_Incident___construct

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Bjlg_Notify_Digest_summarize, 0, 3, IS_ARRAY, 0)
	ZEND_ARG_TYPE_INFO(0, incidents, IS_ARRAY, 0)
	ZEND_ARG_TYPE_INFO(0, from, IS_LONG, 0)
	ZEND_ARG_TYPE_INFO(0, to, IS_LONG, 0)
ZEND_END_ARG_INFO()


ZEND_METHOD(Bjlg_Notify_Incident, __construct);
ZEND_METHOD(Bjlg_Notify_Incident, open);
ZEND_METHOD(Bjlg_Notify_Incident, fromArray);
ZEND_METHOD(Bjlg_Notify_Incident, toArray);
ZEND_METHOD(Bjlg_Notify_Incident, due);
ZEND_METHOD(Bjlg_Notify_Incident, acknowledge);
ZEND_METHOD(Bjlg_Notify_Incident, resolve);
ZEND_METHOD(Bjlg_Notify_Incident, addAction);
ZEND_METHOD(Bjlg_Notify_Incident, updateAction);
ZEND_METHOD(Bjlg_Notify_Incident, report);
ZEND_METHOD(Bjlg_Notify_Incident, id);
ZEND_METHOD(Bjlg_Notify_Incident, status);
ZEND_METHOD(Bjlg_Notify_Digest, __construct);
ZEND_METHOD(Bjlg_Notify_Digest, summarize);


static const zend_function_entry class_Bjlg_Notify_Incident_methods[] = {
	ZEND_ME(Bjlg_Notify_Incident, __construct, arginfo_class_Bjlg_Notify_Incident___construct, ZEND_ACC_PRIVATE)
	ZEND_ME(Bjlg_Notify_Incident, open, arginfo_class_Bjlg_Notify_Incident_open, ZEND_ACC_PUBLIC|ZEND_ACC_STATIC)
	ZEND_ME(Bjlg_Notify_Incident, fromArray, arginfo_class_Bjlg_Notify_Incident_fromArray, ZEND_ACC_PUBLIC|ZEND_ACC_STATIC)
	ZEND_ME(Bjlg_Notify_Incident, toArray, arginfo_class_Bjlg_Notify_Incident_toArray, ZEND_ACC_PUBLIC)
	ZEND_ME(Bjlg_Notify_Incident, due, arginfo_class_Bjlg_Notify_Incident_due, ZEND_ACC_PUBLIC)
	ZEND_ME(Bjlg_Notify_Incident, acknowledge, arginfo_class_Bjlg_Notify_Incident_acknowledge, ZEND_ACC_PUBLIC)
	ZEND_ME(Bjlg_Notify_Incident, resolve, arginfo_class_Bjlg_Notify_Incident_resolve, ZEND_ACC_PUBLIC)
	ZEND_ME(Bjlg_Notify_Incident, addAction, arginfo_class_Bjlg_Notify_Incident_addAction, ZEND_ACC_PUBLIC)
	ZEND_ME(Bjlg_Notify_Incident, updateAction, arginfo_class_Bjlg_Notify_Incident_updateAction, ZEND_ACC_PUBLIC)
	ZEND_ME(Bjlg_Notify_Incident, report, arginfo_class_Bjlg_Notify_Incident_report, ZEND_ACC_PUBLIC)
	ZEND_ME(Bjlg_Notify_Incident, id, arginfo_class_Bjlg_Notify_Incident_id, ZEND_ACC_PUBLIC)
	ZEND_ME(Bjlg_Notify_Incident, status, arginfo_class_Bjlg_Notify_Incident_status, ZEND_ACC_PUBLIC)
	ZEND_FE_END
};


static const zend_function_entry class_Bjlg_Notify_Digest_methods[] = {
	ZEND_ME(Bjlg_Notify_Digest, __construct, arginfo_class_Bjlg_Notify_Digest___construct, ZEND_ACC_PRIVATE)
	ZEND_ME(Bjlg_Notify_Digest, summarize, arginfo_class_Bjlg_Notify_Digest_summarize, ZEND_ACC_PUBLIC|ZEND_ACC_STATIC)
	ZEND_FE_END
};

static zend_class_entry *register_class_Bjlg_Notify_Incident(void)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Bjlg\\Notify", "Incident", class_Bjlg_Notify_Incident_methods);
	class_entry = zend_register_internal_class_ex(&ce, NULL);
	class_entry->ce_flags |= ZEND_ACC_FINAL|ZEND_ACC_NOT_SERIALIZABLE;


	zend_add_parameter_attribute(zend_hash_str_find_ptr(&class_entry->function_table, "open", sizeof("open") - 1), 1, ZSTR_KNOWN(ZEND_STR_SENSITIVEPARAMETER), 0);

	zend_add_parameter_attribute(zend_hash_str_find_ptr(&class_entry->function_table, "fromarray", sizeof("fromarray") - 1), 0, ZSTR_KNOWN(ZEND_STR_SENSITIVEPARAMETER), 0);

	return class_entry;
}

static zend_class_entry *register_class_Bjlg_Notify_Digest(void)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Bjlg\\Notify", "Digest", class_Bjlg_Notify_Digest_methods);
	class_entry = zend_register_internal_class_ex(&ce, NULL);
	class_entry->ce_flags |= ZEND_ACC_FINAL|ZEND_ACC_NOT_SERIALIZABLE;

	return class_entry;
}
