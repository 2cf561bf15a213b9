<?php
// Local stand-in for providers, for the phpt tests: Dropbox and OneDrive answers as documented,
// a WebDAV quota answer, garbage, and a stall. Started by server.inc.
$path = parse_url($_SERVER['REQUEST_URI'], PHP_URL_PATH);
$auth = $_SERVER['HTTP_AUTHORIZATION'] ?? '';
header('Content-Type: application/json');
if (str_starts_with($path, '/stall/')) {
    sleep(5);
    exit;
}
if (str_starts_with($path, '/garbage/')) {
    echo "not json at all {";
    exit;
}
if ($path === '/ok/2/users/get_space_usage' && $_SERVER['REQUEST_METHOD'] === 'POST') {
    if ($auth !== 'Bearer phpt-token') {
        http_response_code(401);
        echo '{"error_summary": "invalid_access_token/..", "error": {".tag": "invalid_access_token"}}';
        exit;
    }
    echo json_encode(['used' => 1000, 'allocation' => ['.tag' => 'individual', 'allocated' => 5000]]);
    exit;
}
if ($path === '/ok/v1.0/me/drive') {
    echo json_encode(['quota' => ['used' => 7, 'total' => 0, 'remaining' => 0, 'state' => 'normal']]);
    exit;
}
if ($path === '/dav/' && $_SERVER['REQUEST_METHOD'] === 'PROPFIND') {
    header('Content-Type: application/xml; charset=utf-8');
    http_response_code(207);
    echo '<?xml version="1.0"?><d:multistatus xmlns:d="DAV:"><d:response><d:href>/dav/</d:href><d:propstat><d:prop>'
        . '<d:quota-available-bytes>600</d:quota-available-bytes><d:quota-used-bytes>400</d:quota-used-bytes>'
        . '</d:prop><d:status>HTTP/1.1 200 OK</d:status></d:propstat></d:response></d:multistatus>';
    exit;
}
http_response_code(404);
echo '{"error": "not found"}';
