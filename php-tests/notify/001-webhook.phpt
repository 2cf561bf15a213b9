--TEST--
Bjlg\Notify\Webhook: sign() then verify(), stale and future timestamps, legacy header refused, header spellings
--EXTENSIONS--
bjlg
--FILE--
<?php
use Bjlg\Notify\Webhook;

$body = '{"event":"backup_complete","site_url":"https:\/\/example.test"}';
$h = Webhook::sign($body, 's3cret', 1796472000);
var_dump(array_keys($h));
var_dump($h['X-BJLG-Signature'] === hash_hmac('sha256', $body, 's3cret'));
var_dump($h['X-BJLG-Signature-256'] === 't=1796472000,v1=' . hash_hmac('sha256', "1796472000.$body", 's3cret'));

$now = Webhook::sign($body, 's3cret');
var_dump(Webhook::verify($body, $now, 's3cret'));
var_dump(Webhook::verify($body . ' ', $now, 's3cret'));                 // body changed
var_dump(Webhook::verify($body, $now, 'other'));                        // wrong secret
var_dump(Webhook::verify($body, $h, 's3cret'));                          // 2026-12-05: stale or future
var_dump(Webhook::verify($body, Webhook::sign($body, 's3cret', time() - 200), 's3cret', 300));
var_dump(Webhook::verify($body, Webhook::sign($body, 's3cret', time() - 400), 's3cret', 300));
var_dump(Webhook::verify($body, Webhook::sign($body, 's3cret', time() + 400), 's3cret', 300));
var_dump(Webhook::verify($body, ['X-BJLG-Signature' => $now['X-BJLG-Signature']], 's3cret')); // legacy alone
var_dump(Webhook::verify($body, ['HTTP_X_BJLG_SIGNATURE_256' => $now['X-BJLG-Signature-256']], 's3cret'));
var_dump(Webhook::verify($body, ['x-bjlg-signature-256' => [$now['X-BJLG-Signature-256']]], 's3cret'));
var_dump(Webhook::verify($body, ['X-BJLG-Signature-256' => 'garbage'], 's3cret'));
var_dump(Webhook::verify($body, [], 's3cret'));
var_dump(Webhook::verify($body, $now, 's3cret', 0));
?>
--EXPECT--
array(3) {
  [0]=>
  string(16) "X-BJLG-Signature"
  [1]=>
  string(16) "X-BJLG-Timestamp"
  [2]=>
  string(20) "X-BJLG-Signature-256"
}
bool(true)
bool(true)
bool(true)
bool(false)
bool(false)
bool(false)
bool(true)
bool(false)
bool(false)
bool(false)
bool(true)
bool(true)
bool(false)
bool(false)
bool(true)
