<?php
// 1,000 Slack messages to a receiver answering after 100 ms: one Dispatcher::send() call against
// one request after another as the plugin sends them (wp_remote_post() per channel: a new curl
// handle, a blocking request each), in the same run. Usage: bench.php BASE_URL [COUNT]
declare(strict_types=1);

$base = $argv[1];
$count = (int) ($argv[2] ?? 1000);
$messages = [];
for ($i = 0; $i < $count; $i++) {
    $messages[] = ['channel' => ['type' => 'slack', 'webhook_url' => "$base/services/T0/B0/k$i"], 'event' => 'backup_failed',
        'title' => "Échec de sauvegarde #$i", 'lines' => ['Gravité : Critique', 'Disque plein'], 'severity' => 'critical'];
}

$t = microtime(true);
$results = Bjlg\Notify\Dispatcher::send($messages, ['allow_private_network' => true, 'timeout_ms' => 60000, 'retries' => 0]);
$bjlg = microtime(true) - $t;
$sent = count(array_filter($results, fn ($r) => $r['status'] === 'sent'));

// The plugin: one blocking POST after another, the same bytes (Slack body with its literal \n),
// through PHP's own HTTP stream (WordPress's Requests falls back to it without ext/curl).
$t = microtime(true);
$ok = 0;
foreach ($messages as $m) {
    $context = stream_context_create(['http' => ['method' => 'POST', 'timeout' => 15, 'ignore_errors' => true,
        'header' => "Content-Type: application/json; charset=utf-8\r\nConnection: close\r\n",
        'content' => json_encode(['text' => sprintf('*%s*\n%s', $m['title'], implode("\n", $m['lines']))])]]);
    $body = @file_get_contents($m['channel']['webhook_url'], false, $context);
    $ok += ($body === 'ok' && str_contains($http_response_header[0] ?? '', ' 200')) ? 1 : 0;
}
$plugin = microtime(true) - $t;

printf("| messages | bjlg: one Dispatcher::send() | plugin: one after another | speed-up |\n|---:|---:|---:|---:|\n");
printf("| %d | %.2f s (%d sent) | %.2f s (%d sent) | %.1f× |\n", $count, $bjlg, $sent, $plugin, $ok, $plugin / $bjlg);
