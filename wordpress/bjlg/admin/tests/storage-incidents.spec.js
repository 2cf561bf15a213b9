/**
 * The storage and incident screens on the WordPress of tests/wordpress/run-admin.sh, which adds
 * (tests/wordpress/admin-site.php): a local destination (BJLG_ADMIN_STORAGE) holding six archives
 * named as Backup JLG names them, a retention policy keeping the two newest, 30 daily usage
 * samples ten days or so from the threshold; two channels (a webhook to the site, a Slack hook on
 * a closed port), an open backup failure incident and a resolved one.
 */
const fs = require( 'fs' );
const { test, expect } = require( '@playwright/test' );
const { logIn, watchConsole, openScreen, screenshots } = require( './helpers' );

const FOLDER = process.env.BJLG_ADMIN_STORAGE;
const OPEN = 'Backup failed: no space left on device (test)';

const archivesOnDisk = () =>
	fs.readdirSync( FOLDER ).filter( ( name ) => name.endsWith( '.zip' ) );

test.beforeEach( async ( { page } ) => {
	await logIn( page );
} );

test( 'storage: usage history and forecast chart, days to threshold, recommendations, measure now', async ( {
	page,
} ) => {
	const errors = watchConsole( page );
	await openScreen( page, 'bjlg-storage' );
	const card = page.locator( '.bjlg-destination', {
		hasText: 'local-disk (local)',
	} );
	await expect( card ).toContainText(
		'30 usage samples recorded; 6 archives listed.'
	);
	const chart = card.getByTestId( 'bjlg-usage-chart' );
	await expect( chart ).toBeVisible();
	await expect( chart.locator( 'polyline' ) ).toHaveCount( 1 );
	await expect( chart.locator( '.bjlg-chart__band' ) ).toHaveCount( 1 );
	await expect( chart.locator( '.bjlg-chart__threshold' ) ).toHaveCount( 1 );
	await expect( card.getByTestId( 'bjlg-days-to-threshold' ) ).toHaveText(
		/^\d+\.\d days to 85% of the quota, on \d{4}-\d\d-\d\d \d\d:\d\d \(UTC\) \(interval /
	);
	await expect(
		page.locator( '.bjlg-recommendations li' ).first()
	).toContainText( /local-disk: [\d.]+ [KMGT]?i?B, [\d.]+ days gained/ );

	await page.getByRole( 'button', { name: 'Measure now' } ).click();
	await expect( card ).toContainText(
		'31 usage samples recorded; 6 archives listed.'
	);
	await expect( chart.locator( 'polyline' ) ).toHaveAttribute(
		'points',
		/^(\S+ ){30}\S+$/
	);
	await screenshots( page, 'storage' );
	expect( errors ).toEqual( [] );
} );

test( 'storage: a purge plan is shown, confirmed and applied', async ( {
	page,
} ) => {
	const errors = watchConsole( page );
	expect( archivesOnDisk() ).toHaveLength( 6 );
	await openScreen( page, 'bjlg-storage' );
	await page
		.getByRole( 'button', { name: 'Plan a purge (dry run)' } )
		.click();
	const plan = page.getByTestId( 'bjlg-purge-plan' );
	await expect( plan.getByTestId( 'bjlg-plan-totals' ) ).toHaveText(
		/^Deletes 4 archives \([\d.]+ KiB freed\), keeps 2\.$/
	);
	const rows = plan.locator( 'tbody tr' );
	await expect( rows ).toHaveCount( 4 );
	// Dry run: nothing deleted yet.
	expect( archivesOnDisk() ).toHaveLength( 6 );
	const planned = ( await rows.locator( 'code' ).allTextContents() ).sort();
	await screenshots( page, 'storage-purge-plan' );

	await page.getByRole( 'button', { name: 'Apply this plan…' } ).click();
	const dialog = page.getByRole( 'dialog', {
		name: 'Delete these archives?',
	} );
	await expect( dialog ).toContainText(
		'4 archives (' // the count and the bytes, before anything goes
	);
	// Cancel first: still nothing deleted.
	await dialog.getByRole( 'button', { name: 'Cancel' } ).click();
	await expect( dialog ).toBeHidden();
	expect( archivesOnDisk() ).toHaveLength( 6 );

	await page.getByRole( 'button', { name: 'Apply this plan…' } ).click();
	await page
		.getByRole( 'dialog', { name: 'Delete these archives?' } )
		.getByRole( 'button', { name: 'Delete the archives' } )
		.click();
	await expect(
		page.locator( '.components-notice.is-success' )
	).toContainText(
		/Purge applied: 4 archives deleted \([\d.]+ KiB freed\), 0 already gone, 0 failed\./
	);
	// Really gone from the destination, and only those.
	const left = archivesOnDisk();
	expect( left ).toHaveLength( 2 );
	for ( const name of planned ) {
		expect( left ).not.toContain( name );
	}
	await expect(
		page.locator( '.bjlg-destination', { hasText: 'local-disk' } )
	).toContainText( '2 archives listed.' );
	expect( errors ).toEqual( [] );
} );

test( 'incidents: timeline, acknowledged with a note, channels tested', async ( {
	page,
} ) => {
	const errors = watchConsole( page );
	await openScreen( page, 'bjlg-incidents' );
	const incident = page.getByTestId( 'bjlg-incident' ).filter( {
		hasText: OPEN,
	} );
	await expect( incident ).toContainText(
		'Severity critical, open, not acknowledged; opened'
	);
	const past = page.getByTestId( 'bjlg-incident' ).filter( {
		hasText: 'Verification failed (test)',
	} );
	await expect( past ).toContainText(
		'Resolution: The archive was written again and verified.'
	);
	await expect( past.getByRole( 'button' ) ).toHaveCount( 0 );
	const steps = await incident.locator( '.bjlg-timeline li' ).count();
	expect( steps ).toBeGreaterThan( 0 );
	// Resolve needs a note: disabled while the note is empty.
	await expect(
		incident.getByRole( 'button', { name: 'Resolve' } )
	).toBeDisabled();

	await incident.getByLabel( 'Note' ).fill( 'Looking at the disk (test)' );
	await incident.getByRole( 'button', { name: 'Acknowledge' } ).click();
	await expect( incident ).toContainText(
		'Severity critical, acknowledged; opened'
	);
	await expect( incident.locator( '.bjlg-timeline li' ) ).toHaveCount(
		steps + 1
	);
	await expect( incident.locator( '.bjlg-timeline' ) ).toContainText(
		'Looking at the disk (test)'
	);
	await expect(
		incident.getByRole( 'button', { name: 'Acknowledge' } )
	).toHaveCount( 0 );

	await page
		.getByRole( 'button', { name: 'Send a test message to every channel' } )
		.click();
	const results = page.getByTestId( 'bjlg-channel-results' );
	await expect( results.locator( 'li' ) ).toHaveCount( 2 );
	await expect( results ).toContainText(
		/site-webhook: sent \(HTTP 200, \d+ ms\)/
	);
	await expect( results ).toContainText( 'closed-port: failed: [unreachable] ' );
	await screenshots( page, 'incidents' );
	expect( errors ).toEqual( [] );
} );

test( 'overview: open incidents and destinations at risk', async ( {
	page,
} ) => {
	const errors = watchConsole( page );
	await openScreen( page, 'bjlg' );
	await expect( page.locator( '.bjlg-open-incidents li' ) ).toContainText(
		[ `${ OPEN } — acknowledged` ]
	);
	await expect( page.locator( '.bjlg-at-risk li' ) ).toContainText( [
		/^local-disk — (critical|warning|watch): threshold within \d+ days \([\d.]+ days to threshold\)$/,
	] );
	await screenshots( page, 'overview-watch' );
	expect( errors ).toEqual( [] );
} );

test( 'incidents: resolved with a summary, then among the past ones', async ( {
	page,
} ) => {
	const errors = watchConsole( page );
	await openScreen( page, 'bjlg-incidents' );
	const incident = page.getByTestId( 'bjlg-incident' ).filter( {
		hasText: OPEN,
	} );
	await incident.getByLabel( 'Note' ).fill( 'Disk cleaned (test)' );
	await incident.getByRole( 'button', { name: 'Resolve' } ).click();
	await expect( incident ).toContainText( 'Resolution: Disk cleaned (test)' );
	await expect( incident ).toContainText( 'resolved' );
	await expect(
		page
			.locator( '.components-card', { hasText: 'Open incidents' } )
			.getByTestId( 'bjlg-incident' )
			.filter( { hasText: OPEN } )
	).toHaveCount( 0 );
	expect( errors ).toEqual( [] );
} );

test( 'French: the storage and incident screens in French', async ( {
	page,
	context,
} ) => {
	await context.clearCookies();
	await logIn( page, 'gestionnaire', process.env.BJLG_ADMIN_FR_PASSWORD );
	const errors = watchConsole( page );
	await openScreen( page, 'bjlg-storage' );
	await expect( page.locator( '.wrap > h1' ) ).toHaveText( 'Stockage' );
	await expect(
		page.locator( '.bjlg-destination', { hasText: 'local-disk' } )
	).toContainText( '2 archives listées.' );
	await expect(
		page.getByRole( 'button', { name: 'Mesurer maintenant' } )
	).toBeVisible();
	await page
		.getByRole( 'button', { name: 'Préparer une purge (simulation)' } )
		.click();
	// After the purge the policy keeps both archives left: nothing to delete (French singular).
	await expect( page.getByTestId( 'bjlg-plan-totals' ) ).toHaveText(
		/^Supprime 0 archive \(0 B libérés\), en conserve 2\.$/
	);
	await openScreen( page, 'bjlg-incidents' );
	await expect(
		page.getByRole( 'heading', { name: 'Incidents passés' } )
	).toBeVisible();
	await expect(
		page
			.getByTestId( 'bjlg-incident' )
			.filter( { hasText: OPEN } )
	).toContainText( 'Gravité critique, résolu ; ouvert le' );
	expect( errors ).toEqual( [] );
} );
