/**
 * Playwright against the WordPress that tests/wordpress/run-admin.sh starts (BJLG_ADMIN_BASE),
 * in Debian's Chromium: Playwright cannot download its own browsers here.
 */
const { defineConfig } = require( '@playwright/test' );

module.exports = defineConfig( {
	testDir: '.',
	testMatch: '*.spec.js',
	workers: 1, // One WordPress, one job lock: the tests share the site's state.
	timeout: 60_000,
	expect: { timeout: 15_000 },
	reporter: [ [ 'list' ] ],
	outputDir: '../test-results',
	use: {
		baseURL: process.env.BJLG_ADMIN_BASE,
		browserName: 'chromium',
		launchOptions: {
			executablePath: process.env.BJLG_CHROMIUM || '/usr/bin/chromium',
		},
		viewport: { width: 1280, height: 900 },
		trace: 'off',
	},
} );
