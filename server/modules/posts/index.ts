// The 公益岗位 module's public API (issue 14 item 1): routes and the service factory.
export { postsRoutes } from './posts.routes.ts';
export { createPostsService, type PostsService } from './posts.service.ts';
export { postsIndicatorsProvider } from './posts.indicators.ts';
