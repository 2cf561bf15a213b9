/* This is a generated file, edit the .stub.php file instead.
 * Stub hash: 1ac641ea45db744c771bc8057141668baaab1577 */

ZEND_BEGIN_ARG_INFO_EX(arginfo_class_Bjlg_Verify_RestoreTest___construct, 0, 0, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Bjlg_Verify_RestoreTest_run, 0, 1, IS_ARRAY, 0)
	ZEND_ARG_TYPE_INFO(0, archive, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, options, IS_ARRAY, 0, "[]")
ZEND_END_ARG_INFO()


ZEND_METHOD(Bjlg_Verify_RestoreTest, __construct);
ZEND_METHOD(Bjlg_Verify_RestoreTest, run);


static const zend_function_entry class_Bjlg_Verify_RestoreTest_methods[] = {
	ZEND_ME(Bjlg_Verify_RestoreTest, __construct, arginfo_class_Bjlg_Verify_RestoreTest___construct, ZEND_ACC_PRIVATE)
	ZEND_ME(Bjlg_Verify_RestoreTest, run, arginfo_class_Bjlg_Verify_RestoreTest_run, ZEND_ACC_PUBLIC|ZEND_ACC_STATIC)
	ZEND_FE_END
};

static zend_class_entry *register_class_Bjlg_Verify_RestoreTest(void)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Bjlg\\Verify", "RestoreTest", class_Bjlg_Verify_RestoreTest_methods);
	class_entry = zend_register_internal_class_ex(&ce, NULL);
	class_entry->ce_flags |= ZEND_ACC_FINAL;


	zend_add_parameter_attribute(zend_hash_str_find_ptr(&class_entry->function_table, "run", sizeof("run") - 1), 1, ZSTR_KNOWN(ZEND_STR_SENSITIVEPARAMETER), 0);

	return class_entry;
}
