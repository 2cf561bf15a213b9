<?php
// Local stand-in for notification receivers, for the phpt tests (started by
// ../local-server.inc). Every request is appended to a JSON-lines log beside the server's port
// (GET /log returns it), and the path says how to answer:
//   /ok/...        200 "ok" (Slack's and Discord's plain answer)
//   /flaky/...     500 on the first request to that path, 200 afterwards
//   /throttle/...  429 with Retry-After: 1 on the first request, 200 afterwards
//   /refuse/...    400 with Slack's documented body "invalid_payload"
//   /stall/...     no answer for 10 s
$path = parse_url($_SERVER['REQUEST_URI'], PHP_URL_PATH);
$dir = sys_get_temp_dir() . '/bjlg-notify-phpt-' . $_SERVER['SERVER_PORT'];
@mkdir($dir, 0700);
if ($path === '/log') {
    header('Content-Type: application/x-ndjson');
    echo @file_get_contents("$dir/log.jsonl");
    exit;
}
$headers = [];
foreach ($_SERVER as $k => $v) {
    if (str_starts_with($k, 'HTTP_X_BJLG') || $k === 'CONTENT_TYPE') {
        $headers[$k] = $v;
    }
}
$body = file_get_contents('php://input');
file_put_contents("$dir/log.jsonl", json_encode(['method' => $_SERVER['REQUEST_METHOD'], 'path' => $path,
    'headers' => $headers, 'body' => $body]) . "\n", FILE_APPEND | LOCK_EX);
$first = @mkdir("$dir/seen-" . md5($path));
$kind = explode('/', $path)[1] ?? '';
if ($kind === 'stall') {
    sleep(10);
    exit;
}
if ($kind === 'flaky' && $first) {
    http_response_code(500);
    exit;
}
if ($kind === 'throttle' && $first) {
    http_response_code(429);
    header('Retry-After: 1');
    exit;
}
if ($kind === 'refuse') {
    http_response_code(400);
    echo 'invalid_payload';
    exit;
}
echo 'ok';
