/**
 * The site's recent jobs (GET /jobs, newest first), whoever started them: this page, another
 * administrator, WP-Cron's schedule, the command line. Read when the screen opens, on
 * **Refresh**, and every few seconds while one of them has not ended.
 */
import { useCallback, useEffect, useState } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';
import { Button, ProgressBar } from '@wordpress/components';
import { read } from '../fetch';
import { FINISHED } from '../store';
import { formatTime } from '../format';
import { jobStateLabel } from './job-progress';
import { NotLoaded } from './not-loaded';

const LIMIT = 10;
const POLL_MS = 3000;

function typeLabel( type ) {
	switch ( type ) {
		case 'backup':
			return __( 'Backup', 'bjlg' );
		case 'verify':
			return __( 'Verification', 'bjlg' );
		case 'restore-test':
			return __( 'Restore test', 'bjlg' );
	}
	return type;
}

function Progress( { job } ) {
	if ( job.percent === null || FINISHED.includes( job.state ) ) {
		return null;
	}
	return (
		<>
			<ProgressBar
				value={ job.percent }
				aria-label={ sprintf(
					/* translators: %d: job id. */
					__( 'Progress of job %d', 'bjlg' ),
					job.id
				) }
			/>
			{ sprintf(
				/* translators: %s: percentage. */
				__( '%s %%', 'bjlg' ),
				job.percent
			) }
		</>
	);
}

export function JobsPanel() {
	const [ jobs, setJobs ] = useState( null );
	const [ error, setError ] = useState( '' );
	const load = useCallback(
		() =>
			read( `/bjlg/v1/jobs?limit=${ LIMIT }` ).then(
				( answer ) => {
					setJobs( answer.jobs );
					setError( '' );
				},
				( failure ) => setError( failure.message )
			),
		[]
	);
	useEffect( () => {
		load();
	}, [ load ] );
	const running = ( jobs || [] ).some(
		( job ) => ! FINISHED.includes( job.state )
	);
	useEffect( () => {
		if ( ! running ) {
			return undefined;
		}
		const timer = setInterval( load, POLL_MS );
		return () => clearInterval( timer );
	}, [ running, load ] );

	return (
		<section className="bjlg-jobs" aria-labelledby="bjlg-jobs-title">
			<h2 id="bjlg-jobs-title">{ __( 'Jobs', 'bjlg' ) }</h2>
			<Button variant="secondary" onClick={ load }>
				{ __( 'Refresh', 'bjlg' ) }
			</Button>
			{ ! jobs && <NotLoaded error={ error } /> }
			{ jobs && jobs.length === 0 && (
				<p>{ __( 'No job yet.', 'bjlg' ) }</p>
			) }
			{ jobs && jobs.length > 0 && (
				<ol className="bjlg-jobs-list" data-testid="bjlg-jobs">
					{ jobs.map( ( job ) => (
						<li key={ job.id }>
							<p>
								<strong>
									{ sprintf(
										/* translators: 1: job id, 2: job type. */
										__( 'Job %1$d: %2$s', 'bjlg' ),
										job.id,
										typeLabel( job.type )
									) }
								</strong>
								{ job.target && (
									<>
										{ ' ' }
										<span className="bjlg-name">
											{ job.target }
										</span>
									</>
								) }
							</p>
							<p>
								{ sprintf(
									/* translators: 1: job state in words, 2: date and time it started. */
									__( '%1$s; started %2$s.', 'bjlg' ),
									jobStateLabel( job ) +
										( job.state === 'failed' && job.error
											? `: ${ job.error }`
											: '' ),
									formatTime(
										job.started_at || job.created_at
									)
								) }
							</p>
							<Progress job={ job } />
						</li>
					) ) }
				</ol>
			) }
		</section>
	);
}
