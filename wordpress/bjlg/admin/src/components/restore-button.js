/**
 * **Restore** for one archive: a dialog says what is replaced (the site's tables and uploads, by
 * the archive's, as they were when it was written) before POST /backups/{name}/restore with
 * `confirm: true`; then what was restored, or why not (another job running, a wrong key, a
 * refusal: the site is then as it was).
 */
import { useState } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';
import apiFetch from '@wordpress/api-fetch';
import { Button, Modal, Notice, Spinner } from '@wordpress/components';
import { formatBytes, formatTime } from '../format';

export function RestoreButton( { backup } ) {
	const [ asking, setAsking ] = useState( false );
	const [ busy, setBusy ] = useState( false );
	const [ outcome, setOutcome ] = useState( null );

	const restore = async () => {
		setAsking( false );
		setBusy( true );
		setOutcome( null );
		try {
			const result = await apiFetch( {
				path: `/bjlg/v1/backups/${ encodeURIComponent(
					backup.name
				) }/restore`,
				method: 'POST',
				data: { confirm: true },
			} );
			setOutcome( { ok: true, result } );
		} catch ( error ) {
			setOutcome( { ok: false, error } );
		}
		setBusy( false );
	};

	return (
		<>
			<Button
				variant="secondary"
				isDestructive
				onClick={ () => setAsking( true ) }
				disabled={ busy }
				isBusy={ busy }
				aria-label={ sprintf(
					/* translators: %s: archive name. */
					__( 'Restore %s', 'bjlg' ),
					backup.name
				) }
			>
				{ __( 'Restore', 'bjlg' ) }
			</Button>
			<div aria-live="polite" data-testid="bjlg-restore-outcome">
				{ busy && (
					<p>
						<Spinner /> { __( 'Restoring…', 'bjlg' ) }
					</p>
				) }
				{ outcome?.ok && (
					<Notice status="success" isDismissible={ false }>
						{ sprintf(
							/* translators: 1: archive name, 2: tables, 3: rows, 4: files, 5: bytes. */
							__(
								'Restored %1$s: %2$d tables, %3$d rows, %4$d files (%5$s).',
								'bjlg'
							),
							backup.name,
							( outcome.result.tables || [] ).length,
							outcome.result.rows,
							outcome.result.files,
							formatBytes( outcome.result.bytes )
						) }
					</Notice>
				) }
				{ outcome && ! outcome.ok && (
					<Notice status="error" isDismissible={ false }>
						{ sprintf(
							/* translators: %s: why the restore did not happen. */
							__( 'Not restored: %s', 'bjlg' ),
							outcome.error.message
						) }
					</Notice>
				) }
			</div>
			{ asking && (
				<Modal
					title={ __( 'Restore this archive?', 'bjlg' ) }
					onRequestClose={ () => setAsking( false ) }
				>
					<p>
						{ sprintf(
							/* translators: 1: archive name, 2: when it was written. */
							__(
								'The site’s database tables and uploads will be replaced by those of %1$s, as they were on %2$s.',
								'bjlg'
							),
							backup.name,
							formatTime( backup.modified )
						) }
					</p>
					<p>
						{ __(
							'Everything written since (posts, comments, orders, users, settings, uploaded files) is lost, and you may have to log in again.',
							'bjlg'
						) }
					</p>
					<div className="bjlg-actions">
						<Button
							variant="tertiary"
							onClick={ () => setAsking( false ) }
						>
							{ __( 'Cancel', 'bjlg' ) }
						</Button>
						<Button
							variant="primary"
							isDestructive
							onClick={ restore }
						>
							{ __( 'Replace the site with this archive', 'bjlg' ) }
						</Button>
					</div>
				</Modal>
			) }
		</>
	);
}
