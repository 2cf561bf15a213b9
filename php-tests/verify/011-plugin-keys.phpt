--TEST--
Bjlg\Verify reports repeat each run in the plugin's own key sets (self_test, post_checks, sandbox_validation)
--EXTENSIONS--
bjlg
--FILE--
<?php
require __DIR__ . '/verify.inc';
$d = bjlg_scratch('plugin-keys');
$dump = bjlg_dump(300);
$zip = bjlg_backup($d, $dump);

$p = Bjlg\Verify\Verifier::verify($zip)['plugin'];
echo $p['self_test']['status'], ' ', $p['self_test']['archive'], ' ', json_encode($p['self_test']['components']), "\n";
var_dump($p['self_test']['metrics']['rto_seconds'], is_int($p['self_test']['metrics']['rpo_seconds']));
echo $p['post_checks']['overall_status'], ' ', $p['post_checks']['checksum'] === hash_file('sha256', $zip) ? 'checksum ok' : 'checksum differs', "\n";
echo $p['post_checks']['files']['database.sql']['status'], ' ', $p['post_checks']['files']['database.sql']['read_size'] === strlen($dump) ? 'size ok' : 'size differs', "\n";
var_dump(isset($p['sandbox_validation']));

$p = Bjlg\Verify\RestoreTest::run($zip)['plugin'];
echo $p['sandbox_validation']['status'], ' ', implode(',', array_column($p['sandbox_validation']['steps'], 'key')), "\n";
var_dump(is_int($p['sandbox_validation']['objectives']['rto_seconds']), is_string($p['sandbox_validation']['objectives']['rto_human']));

// No key for an encrypted archive: the plugin's "skipped", never "failure".
Bjlg\Crypto\Cipher::encryptFile($zip, "$zip.bjlg", Bjlg\Crypto\Key::generate());
$p = Bjlg\Verify\Verifier::verify("$zip.bjlg")['plugin'];
echo $p['self_test']['status'], ' ', $p['post_checks']['overall_status'], ' ', $p['post_checks']['decryption']['status'], "\n";
echo $p['self_test']['message'], "\n";
bjlg_rmrf($d);
?>
--EXPECTF--
success backup.zip {"database":true,"wp_content":true}
NULL
bool(true)
passed checksum ok
passed size ok
bool(false)
success sandbox,%s,cleanup
bool(true)
bool(true)
skipped skipped skipped
encryption: the archive is encrypted and no key or password was given
