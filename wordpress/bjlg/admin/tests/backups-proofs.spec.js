/**
 * The restore proofs (tests/wordpress/run-admin.sh sets the site up; admin.spec.js has verified
 * both archives before: the good one passed, the tampered copy failed): a restore test started
 * from the Backups screen runs as a background job whose progress is watched, its report kept
 * and shown again; a second one cancelled; the filters by restore test and by date; the stored
 * verification report; the RPO on the Overview.
 */
const { test, expect } = require( '@playwright/test' );
const {
	finishJob,
	logIn,
	watchConsole,
	openScreen,
	screenshots,
} = require( './helpers' );

const GOOD = process.env.BJLG_ADMIN_GOOD;
const TAMPERED = process.env.BJLG_ADMIN_TAMPERED;

test.beforeEach( async ( { page } ) => {
	await logIn( page );
} );

test( 'backups: a restore test watched to its end, its report kept; another cancelled; filters', async ( {
	page,
} ) => {
	test.setTimeout( 480_000 );
	const errors = watchConsole( page );
	await openScreen( page, 'bjlg-backups' );
	const goodRow = page.locator( '.bjlg-table tbody tr', { hasText: GOOD } );
	await expect( goodRow ).toContainText( 'Not restore-tested' );

	// The stored verification report (GET /backups/{name}/verification), shown on demand.
	await goodRow
		.getByRole( 'button', { name: `Verification report of ${ GOOD }` } )
		.click();
	await expect( goodRow.locator( '.bjlg-report' ) ).toContainText(
		'SHA-256: the same as when it was written.'
	);
	await goodRow
		.getByRole( 'button', { name: `Verification report of ${ GOOD }` } )
		.click();
	await expect( goodRow.locator( '.bjlg-report' ) ).toHaveCount( 0 );

	await goodRow
		.getByRole( 'button', { name: `Restore test ${ GOOD }` } )
		.click();
	const job = goodRow.getByTestId( 'bjlg-job-restore-test' );
	await expect( job ).toContainText( `Restore test job of ${ GOOD } (job ` );
	await expect(
		goodRow.getByRole( 'button', { name: `Restore test ${ GOOD }` } )
	).toBeDisabled();
	const watched = await finishJob( page, job );
	expect( watched.progressBar ).toBe( true );
	expect( watched.seen[ watched.seen.length - 1 ] ).toMatch( /: done\.$/ );
	// The report of the finished job: its checks, the RTO measured, the dump imported.
	await expect( job.locator( '.components-notice.is-success' ) ).toContainText(
		`Restore test of ${ GOOD }: passed`
	);
	await expect( job.locator( '.bjlg-restore-report' ) ).toContainText(
		/Restored in [\d.]+ (s|min) \(RTO\)/
	);
	await expect( job.locator( '.bjlg-report__checks li' ).first() ).toBeVisible();
	await expect( job.locator( '.bjlg-restore-report' ) ).toContainText(
		'The database dump was imported into a throwaway MariaDB.'
	);
	// The list is read again: the row's restore test, and its report from the history.
	await expect( goodRow ).toContainText( 'Restore test passed (RTO ' );
	await goodRow
		.getByRole( 'button', { name: `Restore test report of ${ GOOD }` } )
		.click();
	await expect(
		goodRow.locator( '.bjlg-stored-report .bjlg-restore-report' )
	).toContainText( /Restored in [\d.]+ (s|min) \(RTO\)/ );
	await screenshots( page, 'backups-proofs' );

	// Filters: by restore test, by date (both archives were written today).
	const restore = page.getByLabel( 'Restore test', { exact: true } );
	await restore.selectOption( 'passed' );
	await expect( page.getByText( '1 of 2 archives shown.' ) ).toBeVisible();
	await restore.selectOption( 'none' );
	await expect( page.locator( '.bjlg-table tbody tr' ) ).toContainText(
		TAMPERED
	);
	await restore.selectOption( 'all' );
	const written = page.getByLabel( 'Written', { exact: true } );
	await written.selectOption( 'older' );
	await expect( page.getByText( '0 of 2 archives shown.' ) ).toBeVisible();
	await written.selectOption( '1' );
	await expect( page.getByText( '2 of 2 archives shown.' ) ).toBeVisible();
	await written.selectOption( 'all' );

	// A second restore test, cancelled: the job ends cancelled and the row keeps the last
	// test that ran (a cancelled one proves nothing).
	await goodRow
		.getByRole( 'button', { name: `Restore test ${ GOOD }` } )
		.click();
	await expect( job ).toContainText( /\(job \d+\): (queued|running)/ );
	await job.getByRole( 'button', { name: 'Cancel' } ).click();
	const cancelled = await finishJob( page, job );
	expect( cancelled.seen[ cancelled.seen.length - 1 ] ).toMatch(
		/: cancelled\.$/
	);
	await expect( goodRow ).toContainText( 'Restore test passed (RTO ' );
	expect( errors ).toEqual( [] );
} );

test( 'overview: the RPO now against its target', async ( { page } ) => {
	const errors = watchConsole( page );
	await openScreen( page, 'bjlg' );
	await expect(
		page.getByRole( 'heading', { name: 'Recovery point (RPO)' } )
	).toBeVisible();
	// The good archive passed its checks minutes ago; the default target is a day.
	await expect( page.getByTestId( 'bjlg-rpo-state' ) ).toHaveText(
		'On target: the RPO is within 24.0 h.'
	);
	await expect( page.locator( '.bjlg-rpo' ) ).toContainText(
		new RegExp( `RPO now: [\\d.]+ (s|min), the age of ${ GOOD.replace( /[.]/g, '\\.' ) }, written .* and (verified|restore-tested)\\.` )
	);
	// The tampered copy failed its verification: never the last good backup.
	await expect( page.locator( '.bjlg-rpo' ) ).not.toContainText( TAMPERED );
	await screenshots( page, 'overview-rpo' );
	expect( errors ).toEqual( [] );
} );
