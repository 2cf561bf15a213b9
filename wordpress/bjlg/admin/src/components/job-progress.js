/**
 * A background job watched until it ends (GET /jobs/{id}, read every second by the store): its
 * state in words, its phase, how much is done, a progress bar and Cancel; then its result.
 */
import { __, sprintf } from '@wordpress/i18n';
import { Button, Notice, ProgressBar, Spinner } from '@wordpress/components';
import { useDispatch } from '@wordpress/data';
import { FINISHED, STORE } from '../store';
import { formatBytes } from '../format';

export function jobStateLabel( job ) {
	switch ( job.state ) {
		case 'queued':
			return __( 'queued: waiting for WP-Cron to start it', 'bjlg' );
		case 'running':
			return job.cancel_requested
				? __( 'running, cancel requested', 'bjlg' )
				: __( 'running', 'bjlg' );
		case 'interrupted':
			return __( 'interrupted: WP-Cron resumes it', 'bjlg' );
		case 'done':
			return __( 'done', 'bjlg' );
		case 'failed':
			return __( 'failed', 'bjlg' );
		case 'cancelled':
			return __( 'cancelled', 'bjlg' );
	}
	return job.state;
}

function amount( value, unit ) {
	return unit === 'bytes' ? formatBytes( value ) : String( value );
}

/**
 * @param {Object}   props
 * @param {string}   props.kind     verify or restore-test.
 * @param {string}   props.name     The archive.
 * @param {Object}   props.watched  The store's getJob(): { job, error, starting }.
 * @param {Function} props.children Renders a finished job's result.
 */
export function JobProgress( { kind, name, watched, children } ) {
	const { cancelJob } = useDispatch( STORE );
	if ( watched.starting ) {
		return (
			<p>
				<Spinner /> { __( 'Starting…', 'bjlg' ) }
			</p>
		);
	}
	const { job, error } = watched;
	if ( ! job ) {
		return (
			<Notice status="error" isDismissible={ false }>
				{ error }
			</Notice>
		);
	}
	const what =
		kind === 'verify'
			? /* translators: %s: archive name. */ __(
					'Verification job of %s',
					'bjlg'
				)
			: /* translators: %s: archive name. */ __(
					'Restore test job of %s',
					'bjlg'
				);
	const finished = FINISHED.includes( job.state );
	return (
		<div className="bjlg-job" data-testid={ `bjlg-job-${ kind }` }>
			<p>
				{ sprintf(
					/* translators: 1: what the job does, 2: its id, 3: its state. */
					__( '%1$s (job %2$d): %3$s.', 'bjlg' ),
					sprintf( what, name ),
					job.id,
					jobStateLabel( job )
				) }
			</p>
			{ ! finished && (
				<>
					{ job.phase && (
						<p className="bjlg-job__phase">
							{ sprintf(
								/* translators: 1: phase name, 2: its rank, 3: phases in all, 4: amount done, 5: amount in all. */
								__(
									'Phase %1$s (%2$d of %3$d): %4$s of %5$s.',
									'bjlg'
								),
								job.phase,
								job.phase_index + 1,
								Math.max( job.phases, job.phase_index + 1 ),
								amount( job.done, job.unit ),
								amount( job.total, job.unit )
							) }
						</p>
					) }
					<ProgressBar
						className="bjlg-job__bar"
						value={ job.percent ?? undefined }
						aria-label={ sprintf(
							/* translators: %s: what the job does. */
							__( 'Progress of the %s', 'bjlg' ),
							sprintf( what, name )
						) }
					/>
					<Button
						variant="secondary"
						isDestructive
						disabled={ job.cancel_requested }
						onClick={ () => cancelJob( kind, name, job.id ) }
					>
						{ job.cancel_requested
							? __( 'Cancel requested', 'bjlg' )
							: __( 'Cancel', 'bjlg' ) }
					</Button>
				</>
			) }
			{ job.state === 'failed' && (
				<Notice status="error" isDismissible={ false }>
					{ sprintf(
						/* translators: %s: why the job failed. */
						__( 'The job failed: %s', 'bjlg' ),
						job.error || '—'
					) }
				</Notice>
			) }
			{ error && (
				<Notice status="error" isDismissible={ false }>
					{ error }
				</Notice>
			) }
			{ job.state === 'done' && job.result && children( job.result ) }
		</div>
	);
}
