/**
 * The Backups screen's Restore and its Jobs panel (tests/wordpress/run-admin.sh: a good archive
 * and a tampered copy). Restore asks first, saying what is replaced; cancelled, nothing is
 * restored (a real restore would replace the test site's tables, which the other tests use).
 * A job started on the page is listed by the Jobs panel after a reload, read from GET /jobs
 * like a job started elsewhere.
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

test.beforeEach( async ( { page } ) => {
	await logIn( page );
} );

test( 'backups: restore asks what it replaces; the jobs panel lists the site’s jobs', async ( {
	page,
} ) => {
	test.setTimeout( 240_000 );
	const errors = watchConsole( page );
	let restores = 0;
	page.on(
		'request',
		( request ) =>
			/(\/|%2F)restore($|[?&])/.test( request.url() ) &&
			request.method() === 'POST' &&
			restores++
	);
	await openScreen( page, 'bjlg-backups' );
	const goodRow = page.locator( '.bjlg-table tbody tr', { hasText: GOOD } );
	await goodRow.getByRole( 'button', { name: `Restore ${ GOOD }` } ).click();
	const dialog = page.getByRole( 'dialog' );
	await expect( dialog ).toContainText( 'Restore this archive?' );
	await expect( dialog ).toContainText(
		`The site’s database tables and uploads will be replaced by those of ${ GOOD }, as they were on `
	);
	await expect( dialog ).toContainText( 'Everything written since' );
	await dialog.getByRole( 'button', { name: 'Cancel' } ).click();
	await expect( dialog ).toHaveCount( 0 );
	await expect( goodRow.getByTestId( 'bjlg-restore-outcome' ) ).toHaveText(
		''
	);
	expect( restores ).toBe( 0 ); // Cancelled: no restore was asked.

	// A job: started here, then read back from GET /jobs after a reload.
	await goodRow.getByRole( 'button', { name: `Verify ${ GOOD }` } ).click();
	const watched = await finishJob(
		page,
		goodRow.getByTestId( 'bjlg-job-verify' )
	);
	const id = /\(job (\d+)\)/.exec( watched.seen.join( ' ' ) )[ 1 ];
	await page.reload();
	const jobs = page.getByTestId( 'bjlg-jobs' );
	const first = jobs.locator( 'li' ).first(); // Newest first.
	await expect( first ).toContainText( `Job ${ id }: Verification ${ GOOD }` );
	await expect( first ).toContainText(
		/done; started \d{4}-\d\d-\d\d \d\d:\d\d/
	);
	await screenshots( page, 'backups-jobs' );
	expect( errors ).toEqual( [] );
} );
