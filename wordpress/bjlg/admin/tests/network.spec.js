/**
 * The Network screen, once tests/wordpress/run-admin.sh has made the test site a network of
 * three sites (BJLG_ADMIN_NETWORK=1; the other specs run before, on the single site): the super
 * admin sees every site's status in one table in the network admin; a site's administrator has
 * no such page.
 */
const { test, expect } = require( '@playwright/test' );
const { watchConsole, screenshots } = require( './helpers' );

test.skip(
	process.env.BJLG_ADMIN_NETWORK !== '1',
	'run by run-admin.sh after the site became a network'
);

async function logInTo( page, user, password, to ) {
	await page.goto( '/wp-login.php?redirect_to=' + encodeURIComponent( to ) );
	await page.fill( '#user_login', user );
	await page.fill( '#user_pass', password );
	// The login page's own address holds redirect_to=…/wp-admin/…: wait for the path.
	await Promise.all( [
		page.waitForURL( ( url ) => url.pathname.includes( '/wp-admin/' ) ),
		page.click( '#wp-submit' ),
	] );
}

test( 'network: every site of the network in one table, for the super admin', async ( {
	page,
} ) => {
	await logInTo(
		page,
		process.env.BJLG_ADMIN_USER,
		process.env.BJLG_ADMIN_PASSWORD,
		'/wp-admin/network/admin.php?page=bjlg-network'
	);
	const errors = watchConsole( page );
	await page.goto( '/wp-admin/network/admin.php?page=bjlg-network' );
	await expect( page.locator( '.wrap > h1' ) ).toHaveText(
		'Backup JLG: network'
	);
	const rows = page.getByTestId( 'bjlg-network-sites' ).locator( 'tbody tr' );
	await expect( rows ).toHaveCount( 3 );
	await expect( rows.nth( 0 ) ).toContainText( '(site 1, ' );
	await expect( rows.nth( 1 ) ).toContainText( 'bjlg e2e site 2 (site 2, ' );
	await expect( rows.nth( 2 ) ).toContainText( 'bjlg e2e site 3 (site 3, ' );
	// Sites 2 and 3 were just created: no backup, no schedule.
	await expect( rows.nth( 2 ) ).toContainText( 'Never backed up' );
	await expect( rows.nth( 2 ) ).toContainText( 'No schedule' );
	// Site 1 keeps its history: the failed backup recorded last.
	await expect( rows.nth( 0 ) ).toContainText(
		'Failed 2'
	);
	await expect( page.locator( '.bjlg-network-totals' ) ).toContainText(
		/^3 sites, \d+ archives, /
	);
	await expect( page.locator( '.bjlg-network-totals' ) ).toContainText(
		'never backed up: 2'
	);
	await screenshots( page, 'network' );
	expect( errors ).toEqual( [] );
} );

test( 'network: back up every site queues one backup job in each site', async ( {
	page,
} ) => {
	await logInTo(
		page,
		process.env.BJLG_ADMIN_USER,
		process.env.BJLG_ADMIN_PASSWORD,
		'/wp-admin/network/admin.php?page=bjlg-network'
	);
	const errors = watchConsole( page );
	await page.goto( '/wp-admin/network/admin.php?page=bjlg-network' );
	await page.getByRole( 'button', { name: 'Back up every site' } ).click();
	const result = page.getByTestId( 'bjlg-network-backup' );
	await expect( result ).toContainText(
		'3 backup jobs queued; WP-Cron runs them one site after the other:'
	);
	const jobs = result.locator( 'li' );
	await expect( jobs ).toHaveCount( 3 );
	await expect( jobs.nth( 1 ) ).toHaveText( /^bjlg e2e site 2 \(site 2\): job \d+$/ );
	await expect( jobs.nth( 2 ) ).toHaveText( /^bjlg e2e site 3 \(site 3\): job \d+$/ );
	await screenshots( page, 'network-backup' );
	expect( errors ).toEqual( [] );
} );

test( 'network: a site administrator has no network screen', async ( {
	page,
} ) => {
	// Logged in as site 2's administrator: the login's answer sets the cookies. Its redirect is
	// not followed to the end: WordPress sends a user who is not a member of site 1 to site 2's
	// /site2/wp-admin/, a rewrite of the network's .htaccess that the test's php -S router does
	// not do (a redirect loop there).
	await page.goto( '/wp-login.php' );
	await page.fill( '#user_login', 'siteadmin' );
	await page.fill( '#user_pass', process.env.BJLG_ADMIN_SITEADMIN_PASSWORD );
	await Promise.all( [
		page.waitForResponse(
			( r ) =>
				r.url().includes( '/wp-login.php' ) &&
				r.request().method() === 'POST' &&
				r.status() === 302
		),
		page.click( '#wp-submit' ).catch( () => {} ),
	] );
	const cookies = await page.context().cookies();
	expect(
		cookies.some( ( c ) => c.name.startsWith( 'wordpress_logged_in_' ) )
	).toBe( true );
	await page.goto( '/wp-admin/network/admin.php?page=bjlg-network' );
	// WordPress refuses the page to a logged-in user without the capability (an anonymous one
	// would get the login form instead).
	await expect( page.locator( 'body' ) ).toContainText( 'not allowed' );
	await expect( page.locator( '#user_login' ) ).toHaveCount( 0 );
	await expect( page.locator( '#bjlg-admin-root' ) ).toHaveCount( 0 );
	await expect( page.locator( 'body' ) ).not.toContainText(
		'Backup JLG: network'
	);
} );
